-- Every correction leaves a trail: adjustNeedHours used to overwrite a participant's hours,
-- adjusted_by and adjusted_reason in place (claimed_hours keeps only the first claim), so a second
-- admin's adjustment wiped out the first one's value, who and why, and when was never kept. Each
-- adjustment is now a row here, written in the transaction that changes the participant, with the
-- hours it replaced (read under the participant's row lock). Insert-only.
CREATE TABLE need_hours_adjustment (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    need_id      BIGINT        NOT NULL,
    user_id      BIGINT        NOT NULL,
    hours_before DECIMAL(5, 1) NULL,
    hours_after  DECIMAL(5, 1) NOT NULL,
    reason       VARCHAR(200)  NOT NULL,
    adjusted_by  BIGINT        NOT NULL,
    adjusted_at  DATETIME(3)   NULL,
    PRIMARY KEY (id),
    KEY idx_need_hours_adjustment_participant (need_id, user_id, id),
    CONSTRAINT fk_need_hours_adjustment_participant FOREIGN KEY (need_id, user_id)
        REFERENCES need_participant (need_id, user_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Adjustments made before this migration: only the last one of each participant survived, with
-- neither the hours it replaced (claimed_hours is the first claim, which it replaced only if it was
-- the only adjustment) nor its time, so it enters the trail with hours_before and adjusted_at NULL.
INSERT INTO need_hours_adjustment (need_id, user_id, hours_before, hours_after, reason, adjusted_by, adjusted_at)
SELECT need_id, user_id, NULL, hours, adjusted_reason, adjusted_by, NULL
FROM need_participant
WHERE adjusted_by IS NOT NULL AND adjusted_reason IS NOT NULL
ORDER BY need_id, user_id;
