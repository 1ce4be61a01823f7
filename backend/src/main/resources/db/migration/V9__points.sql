-- 积分账户: one row per user, the balance the ledger adds up to. Every ledger entry changes it in
-- the same transaction with a guarded UPDATE (balance + delta >= 0), so a balance never goes
-- negative. version counts the entries applied; the Redis copy of the balance carries it, so an
-- older value can never overwrite a newer one there.
CREATE TABLE points_account (
    user_id    BIGINT      NOT NULL,
    balance    INT         NOT NULL DEFAULT 0,
    version    BIGINT      NOT NULL DEFAULT 0,
    created_at DATETIME(3) NOT NULL,
    updated_at DATETIME(3) NOT NULL,
    PRIMARY KEY (user_id),
    CONSTRAINT fk_points_account_user FOREIGN KEY (user_id) REFERENCES app_user (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 积分流水: append-only. Rows are never updated or deleted; a correction is a REVERSAL entry whose
-- business_id is the reversed entry's id. business_id names what caused the entry (the sign-up of
-- ACTIVITY_HOURS, the need of NEED_COMPLETED / RATING_BONUS, the redemption of REDEMPTION, a
-- generated key of ADJUSTMENT), and the unique key makes each award happen once per user however
-- often its event is delivered. It is a string so that later kinds (expiry periods, idempotency
-- keys) fit without a migration.
CREATE TABLE points_entry (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    user_id       BIGINT       NOT NULL,
    delta         INT          NOT NULL,
    balance_after INT          NOT NULL,
    business_type VARCHAR(24)  NOT NULL,
    business_id   VARCHAR(64)  NOT NULL,
    reason        VARCHAR(200) NULL,
    operator_id   BIGINT       NULL,
    created_at    DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_points_entry_business (business_type, business_id, user_id),
    KEY idx_points_entry_user (user_id, id),
    KEY idx_points_entry_user_time (user_id, created_at),
    CONSTRAINT fk_points_entry_user FOREIGN KEY (user_id) REFERENCES app_user (id),
    CONSTRAINT fk_points_entry_operator FOREIGN KEY (operator_id) REFERENCES app_user (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
