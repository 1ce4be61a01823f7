-- The staff's creates that a person would otherwise clean up after a retried 503 whose COMMIT went
-- through (活动, 项目, 项目任务, 爱心超市商品, 礼遇规则, 组织单位, 文明单位, 志愿者培训) write once per
-- sender's key, as the counted creates do since V62: (creator, key) unique, so one admin's key neither
-- collides with nor finds another's; request_digest (SHA-256 of the input as sent) tells a resend from
-- the key's reuse for other input. Rows made before this migration have neither (NULLs do not collide).
-- org_unit and civilized_unit did not keep who created them: created_by is new and NULL on old rows.
ALTER TABLE activity
    ADD COLUMN idempotency_key VARCHAR(64) NULL,
    ADD COLUMN request_digest CHAR(64) NULL,
    ADD UNIQUE KEY uk_activity_creator_key (created_by, idempotency_key);

ALTER TABLE project
    ADD COLUMN idempotency_key VARCHAR(64) NULL,
    ADD COLUMN request_digest CHAR(64) NULL,
    ADD UNIQUE KEY uk_project_creator_key (created_by, idempotency_key);

ALTER TABLE project_task
    ADD COLUMN idempotency_key VARCHAR(64) NULL,
    ADD COLUMN request_digest CHAR(64) NULL,
    ADD UNIQUE KEY uk_project_task_creator_key (created_by, idempotency_key);

ALTER TABLE reward
    ADD COLUMN idempotency_key VARCHAR(64) NULL,
    ADD COLUMN request_digest CHAR(64) NULL,
    ADD UNIQUE KEY uk_reward_creator_key (created_by, idempotency_key);

ALTER TABLE recognition_rule
    ADD COLUMN idempotency_key VARCHAR(64) NULL,
    ADD COLUMN request_digest CHAR(64) NULL,
    ADD UNIQUE KEY uk_recognition_rule_creator_key (created_by, idempotency_key);

ALTER TABLE org_unit
    ADD COLUMN created_by BIGINT NULL,
    ADD COLUMN idempotency_key VARCHAR(64) NULL,
    ADD COLUMN request_digest CHAR(64) NULL,
    ADD UNIQUE KEY uk_org_unit_creator_key (created_by, idempotency_key);

ALTER TABLE civilized_unit
    ADD COLUMN created_by BIGINT NULL,
    ADD COLUMN idempotency_key VARCHAR(64) NULL,
    ADD COLUMN request_digest CHAR(64) NULL,
    ADD UNIQUE KEY uk_civilized_unit_creator_key (created_by, idempotency_key);

ALTER TABLE volunteer_training
    ADD COLUMN idempotency_key VARCHAR(64) NULL,
    ADD COLUMN request_digest CHAR(64) NULL,
    ADD UNIQUE KEY uk_volunteer_training_recorder_key (recorded_by, idempotency_key);

-- 订阅消息: one acceptance prompt (wx.requestSubscribeMessage) counts once. The mini-program sends one
-- key per prompt with the accepted template ids; a resend of the report (the client's retry of a 503
-- whose COMMIT went through) finds its key here and adds nothing. A report without a key counts as
-- before. The rows are only the keys: the counts stay in notification_subscription.
CREATE TABLE notification_acceptance (
    id              BIGINT      NOT NULL AUTO_INCREMENT,
    user_id         BIGINT      NOT NULL,
    idempotency_key VARCHAR(64) NOT NULL,
    request_digest  CHAR(64)    NOT NULL,
    created_at      DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_notification_acceptance_user_key (user_id, idempotency_key),
    CONSTRAINT fk_notification_acceptance_user FOREIGN KEY (user_id) REFERENCES app_user (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
