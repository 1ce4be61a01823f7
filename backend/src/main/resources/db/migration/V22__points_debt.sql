-- 欠分: a reversal of points that were already spent (the 爱心超市, say) takes what the balance
-- has and records the rest as debt, which the next credits pay down first (DEBT_REPAYMENT
-- entries). The balance still never goes negative. Every entry records how it changed the debt
-- (debt_change) and the debt after it (debt_after), like delta and balance_after, so
-- Σ delta = balance and Σ debt_change = debt for every account.
ALTER TABLE points_account
    ADD COLUMN debt INT NOT NULL DEFAULT 0 AFTER balance;

ALTER TABLE points_entry
    ADD COLUMN debt_change INT NOT NULL DEFAULT 0 AFTER balance_after,
    ADD COLUMN debt_after  INT NOT NULL DEFAULT 0 AFTER debt_change;

-- 账户修复记录: the reconciler sets an account that drifted from its ledger (someone edited the
-- tables by hand) back to the ledger's sums, and writes one row here per repair: what the account
-- said, what the ledger said, who ran it (null: the schedule). The ledger is the truth; the
-- account row is its running total.
CREATE TABLE points_repair (
    id             BIGINT      NOT NULL AUTO_INCREMENT,
    user_id        BIGINT      NOT NULL,
    balance_before INT         NOT NULL,
    balance_after  INT         NOT NULL,
    debt_before    INT         NOT NULL,
    debt_after     INT         NOT NULL,
    operator_id    BIGINT      NULL,
    created_at     DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    KEY idx_points_repair_user (user_id, id),
    CONSTRAINT fk_points_repair_user FOREIGN KEY (user_id) REFERENCES app_user (id),
    CONSTRAINT fk_points_repair_operator FOREIGN KEY (operator_id) REFERENCES app_user (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
