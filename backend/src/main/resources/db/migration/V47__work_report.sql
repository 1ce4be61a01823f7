-- 工作报告 (issue 18, seeds 001 and 003): each unit (站 → 所 → 中心) sends a weekly and a monthly report
-- to the level above. One row per version of a unit's report for a kind and period: a draft holds
-- figures computed for the unit's subtree (a JSON snapshot, refreshed while it is a draft), the
-- highlights and the highlighted activities; publishing freezes it. A correction is a new version
-- (with its reason) that supersedes the published one when it is published in turn, so a published
-- document never changes. (org_unit_id, kind, period, version) is unique: concurrent drafts of the
-- same version collide there.
CREATE TABLE work_report (
    id                BIGINT        NOT NULL AUTO_INCREMENT,
    org_unit_id       BIGINT        NOT NULL,
    kind              VARCHAR(8)    NOT NULL,
    period            VARCHAR(10)   NOT NULL,
    version           INT           NOT NULL,
    status            VARCHAR(12)   NOT NULL,
    figures           MEDIUMTEXT    NOT NULL,
    highlights        VARCHAR(2000) NULL,
    highlighted_ids   VARCHAR(200)  NULL,
    supersedes_id     BIGINT        NULL,
    correction_reason VARCHAR(200)  NULL,
    computed_at       DATETIME(3)   NOT NULL,
    created_by        BIGINT        NOT NULL,
    created_at        DATETIME(3)   NOT NULL,
    updated_at        DATETIME(3)   NOT NULL,
    published_by      BIGINT        NULL,
    published_at      DATETIME(3)   NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_work_report_version (org_unit_id, kind, period, version),
    KEY idx_work_report_status (kind, period, status, org_unit_id),
    CONSTRAINT fk_work_report_unit FOREIGN KEY (org_unit_id) REFERENCES org_unit (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
