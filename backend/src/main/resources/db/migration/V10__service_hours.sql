-- Service hours after check-out. Confirmed hours are never deleted: revoking them stamps the
-- sign-up (who, when, why) and the credit goes back through a reversal, so the record of what was
-- confirmed stays. An organiser's correction of computed hours (or hours for someone who never
-- checked out) is stamped the same way.
ALTER TABLE activity_sign_up
    ADD COLUMN hours_revoked_at    DATETIME(3)  NULL,
    ADD COLUMN hours_revoked_by    BIGINT       NULL,
    ADD COLUMN hours_revoke_reason VARCHAR(200) NULL,
    ADD COLUMN hours_adjusted_at   DATETIME(3)  NULL,
    ADD COLUMN hours_adjusted_by   BIGINT       NULL,
    ADD COLUMN hours_adjust_reason VARCHAR(200) NULL,
    ADD KEY idx_sign_up_volunteer (volunteer_id, hours_confirmed_at);

-- 荣誉时长 (补录): hours an admin records afterwards, with a reason and the approver. Kept apart from
-- credit hours (stars come from credit hours only) and earning no points; volunteer.honor_hours is
-- their running total.
CREATE TABLE volunteer_honor_hours (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    volunteer_id BIGINT       NOT NULL,
    hours        DECIMAL(6,2) NOT NULL,
    reason       VARCHAR(200) NOT NULL,
    service_date DATE         NOT NULL,
    approved_by  BIGINT       NOT NULL,
    created_at   DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    KEY idx_honor_hours_volunteer (volunteer_id, id),
    CONSTRAINT fk_honor_hours_volunteer FOREIGN KEY (volunteer_id) REFERENCES volunteer (id),
    CONSTRAINT fk_honor_hours_approver FOREIGN KEY (approved_by) REFERENCES app_user (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
