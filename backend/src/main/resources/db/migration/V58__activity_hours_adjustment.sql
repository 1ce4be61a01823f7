-- Every correction leaves a trail: adjustHours used to overwrite hours, hours_adjusted_by and
-- hours_adjust_reason in place, so a second admin's adjustment wiped out the first one's value, who,
-- why and when, and the hours computed at check-out. Each adjustment is now a row here, written in
-- the transaction that changes the sign-up, with the hours it replaced (read under the sign-up's row
-- lock): NULL when the sign-up had none yet (never checked out). Insert-only.
CREATE TABLE activity_hours_adjustment (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    sign_up_id   BIGINT       NOT NULL,
    hours_before DECIMAL(6,2) NULL,
    hours_after  DECIMAL(6,2) NOT NULL,
    reason       VARCHAR(200) NOT NULL,
    adjusted_by  BIGINT       NOT NULL,
    adjusted_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    KEY idx_activity_hours_adjustment_sign_up (sign_up_id, id),
    CONSTRAINT fk_activity_hours_adjustment_sign_up FOREIGN KEY (sign_up_id) REFERENCES activity_sign_up (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Adjustments made before this migration: only the last one of each sign-up survived, and what it
-- replaced is lost, so it enters the trail with hours_before NULL.
INSERT INTO activity_hours_adjustment (sign_up_id, hours_before, hours_after, reason, adjusted_by, adjusted_at)
SELECT id, NULL, hours, hours_adjust_reason, hours_adjusted_by, hours_adjusted_at
FROM activity_sign_up
WHERE hours_adjusted_at IS NOT NULL AND hours IS NOT NULL AND hours_adjusted_by IS NOT NULL
  AND hours_adjust_reason IS NOT NULL
ORDER BY id;
