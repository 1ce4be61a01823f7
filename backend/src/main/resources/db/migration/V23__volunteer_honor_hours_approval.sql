-- 荣誉时长 (补录) are recorded by one admin and approved by another before they count: a record is
-- PENDING until approved, APPROVED once it counts in volunteer.honor_hours, REVOKED when rejected
-- before approval or taken back after it (who, when, why kept; rows are never deleted).
-- Rows recorded before this change were approved by their recorder and stay counted: recorded_by
-- and approved_by are both that admin.
ALTER TABLE volunteer_honor_hours
    ADD COLUMN status        VARCHAR(16)  NOT NULL DEFAULT 'APPROVED',
    ADD COLUMN recorded_by   BIGINT       NULL,
    ADD COLUMN approved_at   DATETIME(3)  NULL,
    ADD COLUMN revoked_at    DATETIME(3)  NULL,
    ADD COLUMN revoked_by    BIGINT       NULL,
    ADD COLUMN revoke_reason VARCHAR(200) NULL;

UPDATE volunteer_honor_hours SET recorded_by = approved_by, approved_at = created_at;

ALTER TABLE volunteer_honor_hours
    MODIFY COLUMN recorded_by BIGINT NOT NULL,
    MODIFY COLUMN approved_by BIGINT NULL,
    MODIFY COLUMN status VARCHAR(16) NOT NULL,
    ADD CONSTRAINT fk_honor_hours_recorder FOREIGN KEY (recorded_by) REFERENCES app_user (id),
    ADD CONSTRAINT fk_honor_hours_revoker FOREIGN KEY (revoked_by) REFERENCES app_user (id),
    -- The admins' list of records waiting for approval, by id.
    ADD KEY idx_honor_hours_status (status, id);
