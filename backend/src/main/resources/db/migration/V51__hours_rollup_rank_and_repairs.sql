-- Issue 14 (hours boards): the hours rollups (V34, V35) ordered by hours within a period, so a
-- county's hours board can be answered from the rollups (top N, and the caller's rank) while the
-- board itself is built in the background, as the points boards are from points_rollup.
CREATE INDEX idx_activity_hours_rollup_rank ON activity_hours_rollup (period, period_value, subject, hours);
CREATE INDEX idx_need_hours_rollup_rank ON need_hours_rollup (period, period_value, subject, hours);

-- The nightly check of the hours rollups against their source rows (HoursRollupCheck): one row per
-- subject (a volunteer, a project, a team) whose rollup rows differed from the sums of its sign-ups
-- or need participations and were set back to them. Insert-only; the all-time hours before and after
-- say how far off it was, rows_differing how many of its period rows were.
CREATE TABLE activity_hours_repair (
    id             BIGINT         NOT NULL AUTO_INCREMENT,
    subject        CHAR(1)        NOT NULL,
    subject_id     BIGINT         NOT NULL,
    rows_differing INT            NOT NULL,
    all_before     DECIMAL(14, 2) NOT NULL,
    all_after      DECIMAL(14, 2) NOT NULL,
    created_at     DATETIME(3)    NOT NULL,
    PRIMARY KEY (id),
    KEY idx_activity_hours_repair_subject (subject, subject_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE need_hours_repair (
    id             BIGINT         NOT NULL AUTO_INCREMENT,
    subject        CHAR(1)        NOT NULL,
    subject_id     BIGINT         NOT NULL,
    rows_differing INT            NOT NULL,
    all_before     DECIMAL(14, 2) NOT NULL,
    all_after      DECIMAL(14, 2) NOT NULL,
    created_at     DATETIME(3)    NOT NULL,
    PRIMARY KEY (id),
    KEY idx_need_hours_repair_subject (subject, subject_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
