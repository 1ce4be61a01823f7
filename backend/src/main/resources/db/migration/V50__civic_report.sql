-- 随手拍 (issue 18, seed 001 "让随手拍与志愿服务相结合"): a registered volunteer reports an uncivil
-- behaviour or an urban problem with photos and a location; the covering station's staff triage it
-- (accept with a deadline / reject with a reason), route it to a team or to the department
-- responsible, resolve it, and another admin verifies the resolution, which earns the reporter points.
-- States: SUBMITTED → ACCEPTED | REJECTED; ACCEPTED → ROUTED; ACCEPTED | ROUTED → RESOLVED;
-- RESOLVED → VERIFIED, or back to ACCEPTED when the verifier sends it back. Every move is a guarded
-- UPDATE (WHERE status = the expected one) and a civic_report_history row.
CREATE TABLE civic_report (
    id                  BIGINT        NOT NULL AUTO_INCREMENT,
    category            VARCHAR(24)   NOT NULL,
    description         VARCHAR(500)  NOT NULL,
    address             VARCHAR(200)  NOT NULL,
    latitude            DECIMAL(9, 6) NOT NULL,
    longitude           DECIMAL(9, 6) NOT NULL,
    station_id          BIGINT        NOT NULL,
    reporter_user_id    BIGINT        NOT NULL,
    status              VARCHAR(16)   NOT NULL,
    -- Set when accepted: the day (Asia/Shanghai) by which it must be resolved.
    deadline_on         DATE          NULL,
    reject_reason       VARCHAR(200)  NULL,
    triaged_by          BIGINT        NULL,
    triaged_at          DATETIME(3)   NULL,
    routed_team_id      BIGINT        NULL,
    department_name     VARCHAR(60)   NULL,
    department_contact  VARCHAR(60)   NULL,
    routed_by           BIGINT        NULL,
    routed_at           DATETIME(3)   NULL,
    resolution_note     VARCHAR(500)  NULL,
    resolved_by         BIGINT        NULL,
    resolved_at         DATETIME(3)   NULL,
    verified_by         BIGINT        NULL,
    verified_at         DATETIME(3)   NULL,
    -- Staff checked that the photos show no face or plate: then they may be shown publicly.
    photos_public       TINYINT(1)    NOT NULL DEFAULT 0,
    version             INT           NOT NULL DEFAULT 0,
    created_at          DATETIME(3)   NOT NULL,
    updated_at          DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    KEY idx_civic_report_station (station_id, status, id),
    KEY idx_civic_report_station_created (station_id, created_at),
    KEY idx_civic_report_reporter (reporter_user_id, id),
    KEY idx_civic_report_deadline (status, deadline_on),
    CONSTRAINT fk_civic_report_station FOREIGN KEY (station_id) REFERENCES org_unit (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The trail: every move, who made it and why (reasons, routes, notes).
CREATE TABLE civic_report_history (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    report_id     BIGINT       NOT NULL,
    from_status   VARCHAR(16)  NULL,
    to_status     VARCHAR(16)  NOT NULL,
    actor_user_id BIGINT       NOT NULL,
    note          VARCHAR(300) NULL,
    created_at    DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    KEY idx_civic_report_history_report (report_id, id),
    CONSTRAINT fk_civic_report_history_report FOREIGN KEY (report_id) REFERENCES civic_report (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
