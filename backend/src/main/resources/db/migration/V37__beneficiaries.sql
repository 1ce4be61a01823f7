-- 受益群众 (issue 18): how many people an activity or a need served.
-- activity.beneficiaries: recorded by an admin over the organising unit when finishing or after;
-- NULL = not recorded yet (counts as 0 in the figures). need.beneficiaries: given by the assignee at
-- completion, 1 (the resident) when not given; NULL on needs not completed. Needs completed before
-- this migration served their resident: 1.
-- Changing a recorded value is a correction by an admin with a reason; each one is kept (who, when,
-- from, to, why) in the owning module's trail table.
ALTER TABLE activity ADD COLUMN beneficiaries INT NULL;
ALTER TABLE need ADD COLUMN beneficiaries INT NULL;
UPDATE need SET beneficiaries = 1 WHERE completed_at IS NOT NULL;

CREATE TABLE activity_beneficiary_correction (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    activity_id  BIGINT       NOT NULL,
    from_count   INT          NULL,
    to_count     INT          NOT NULL,
    reason       VARCHAR(200) NOT NULL,
    corrected_by BIGINT       NOT NULL,
    corrected_at DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    KEY idx_activity_beneficiary_correction_activity (activity_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE need_beneficiary_correction (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    need_id      BIGINT       NOT NULL,
    from_count   INT          NULL,
    to_count     INT          NOT NULL,
    reason       VARCHAR(200) NOT NULL,
    corrected_by BIGINT       NOT NULL,
    corrected_at DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    KEY idx_need_beneficiary_correction_need (need_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
