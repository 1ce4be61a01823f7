-- 订阅消息授权次数: WeChat one-time subscribe messages allow one message per acceptance of a
-- template in wx.requestSubscribeMessage. `remaining` counts the acceptances the client reported
-- and not yet used; a send takes one with a guarded UPDATE (remaining > 0), so concurrent sends can
-- never use one acceptance twice. WeChat answering 43101 (no subscription) sets it back to 0.
CREATE TABLE notification_subscription (
    user_id     BIGINT      NOT NULL,
    template_id VARCHAR(64) NOT NULL,
    remaining   INT         NOT NULL DEFAULT 0,
    created_at  DATETIME(3) NOT NULL,
    updated_at  DATETIME(3) NOT NULL,
    PRIMARY KEY (user_id, template_id),
    CONSTRAINT fk_notification_subscription_user FOREIGN KEY (user_id) REFERENCES app_user (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 通知发件箱 (transactional outbox): one row per message to one user, written in the transaction of
-- the business change that causes it, sent after commit. The page and data are rendered when the
-- row is written, so a retry sends exactly what the change announced.
--   status: PENDING (to send; next_attempt_at is when, and while a sender holds it, the end of its
--   lease), SENT, SKIPPED (no acceptance left, or no openid), REFUSED (WeChat 43101), FAILED (gave up).
--   acceptance_taken: this row already holds one acceptance, so a retry does not take another.
--   dedupe_key: set for messages that must exist at most once (the 24 h reminder of a sign-up);
--   NULL otherwise, and unique indexes ignore NULLs on both engines.
CREATE TABLE notification (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    kind             VARCHAR(32)   NOT NULL,
    user_id          BIGINT        NOT NULL,
    template_id      VARCHAR(64)   NOT NULL,
    page             VARCHAR(255)  NOT NULL,
    data_json        VARCHAR(2000) NOT NULL,
    object_id        BIGINT        NULL,
    dedupe_key       VARCHAR(100)  NULL,
    status           VARCHAR(16)   NOT NULL,
    attempts         INT           NOT NULL DEFAULT 0,
    acceptance_taken TINYINT(1)    NOT NULL DEFAULT 0,
    next_attempt_at  DATETIME(3)   NOT NULL,
    wx_errcode       INT           NULL,
    last_error       VARCHAR(200)  NULL,
    sent_at          DATETIME(3)   NULL,
    created_at       DATETIME(3)   NOT NULL,
    updated_at       DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_notification_dedupe (dedupe_key),
    KEY idx_notification_due (status, next_attempt_at),
    KEY idx_notification_user (user_id, id),
    CONSTRAINT fk_notification_user FOREIGN KEY (user_id) REFERENCES app_user (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
