-- 礼遇与嘉许 (issue 18, seeds 000, 002, 004): recognition rules, honours, 年度优秀志愿者 and the star
-- certification of teams (志愿服务组织星级认证). Owned by the recognition module.

-- 礼遇规则: set by a center's admins. Trigger: reaching a star level (STAR_LEVEL, threshold 1–5) or a
-- credited total (CREDIT_HOURS, threshold in hours). Effect: a points bonus and/or an honour title.
CREATE TABLE recognition_rule (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    org_unit_id   BIGINT        NOT NULL,
    name          VARCHAR(40)   NOT NULL,
    trigger_kind  VARCHAR(16)   NOT NULL,
    threshold     DECIMAL(8, 1) NOT NULL,
    bonus_points  INT           NOT NULL DEFAULT 0,
    honour_title  VARCHAR(40)   NULL,
    active        TINYINT(1)    NOT NULL DEFAULT 1,
    created_by    BIGINT        NOT NULL,
    created_at    DATETIME(3)   NOT NULL,
    disabled_by   BIGINT        NULL,
    disabled_at   DATETIME(3)   NULL,
    PRIMARY KEY (id),
    KEY idx_recognition_rule_unit (org_unit_id, active, id),
    CONSTRAINT fk_recognition_rule_unit FOREIGN KEY (org_unit_id) REFERENCES org_unit (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A rule applied to a volunteer: once, whatever replays or concurrent hour changes happen (the
-- primary key); the points bonus is keyed by it too (points_entry RECOGNITION_BONUS "rule:volunteer").
CREATE TABLE recognition_rule_grant (
    rule_id       BIGINT        NOT NULL,
    volunteer_id  BIGINT        NOT NULL,
    credit_hours  DECIMAL(10, 1) NOT NULL,
    granted_at    DATETIME(3)   NOT NULL,
    PRIMARY KEY (rule_id, volunteer_id),
    CONSTRAINT fk_recognition_grant_rule FOREIGN KEY (rule_id) REFERENCES recognition_rule (id),
    CONSTRAINT fk_recognition_grant_volunteer FOREIGN KEY (volunteer_id) REFERENCES volunteer (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 荣誉称号 held by a volunteer, granted by a center (org_unit_id): from a rule (RULE) or a 年度优秀志愿者
-- approval (OUTSTANDING). source_key
-- makes each grant happen once ("R:<rule>:<volunteer>", "O:<year>:<volunteer>"). Never deleted: a
-- revocation keeps who, when and why.
CREATE TABLE honour (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    volunteer_id  BIGINT        NOT NULL,
    org_unit_id   BIGINT        NOT NULL,
    title         VARCHAR(40)   NOT NULL,
    source        VARCHAR(16)   NOT NULL,
    source_key    VARCHAR(64)   NOT NULL,
    honour_year   INT           NOT NULL,
    granted_by    BIGINT        NULL,
    granted_at    DATETIME(3)   NOT NULL,
    revoked_by    BIGINT        NULL,
    revoked_at    DATETIME(3)   NULL,
    revoke_reason VARCHAR(200)  NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_honour_source (source_key),
    KEY idx_honour_volunteer (volunteer_id, honour_year),
    KEY idx_honour_unit (org_unit_id, id),
    CONSTRAINT fk_honour_volunteer FOREIGN KEY (volunteer_id) REFERENCES volunteer (id),
    CONSTRAINT fk_honour_unit FOREIGN KEY (org_unit_id) REFERENCES org_unit (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 年度优秀志愿者 candidates proposed from the figures for a center's subtree, each approved or rejected by a
-- center admin who is neither the candidate nor a candidate of that year.
CREATE TABLE outstanding_candidate (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    org_unit_id   BIGINT        NOT NULL,
    service_year  INT           NOT NULL,
    volunteer_id  BIGINT        NOT NULL,
    user_id       BIGINT        NOT NULL,
    year_hours    DECIMAL(10, 1) NOT NULL,
    status        VARCHAR(16)   NOT NULL,
    proposed_by   BIGINT        NOT NULL,
    proposed_at   DATETIME(3)   NOT NULL,
    decided_by    BIGINT        NULL,
    decided_at    DATETIME(3)   NULL,
    decision_note VARCHAR(200)  NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_outstanding_year_volunteer (service_year, volunteer_id),
    KEY idx_outstanding_unit (org_unit_id, service_year, id),
    CONSTRAINT fk_outstanding_unit FOREIGN KEY (org_unit_id) REFERENCES org_unit (id),
    CONSTRAINT fk_outstanding_volunteer FOREIGN KEY (volunteer_id) REFERENCES volunteer (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 志愿服务组织星级认证: every certification is kept (the trail); a team's stars are its latest one.
CREATE TABLE team_certification (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    team_id       BIGINT        NOT NULL,
    stars         INT           NOT NULL,
    reason        VARCHAR(200)  NOT NULL,
    certified_on  DATE          NOT NULL,
    certified_by  BIGINT        NOT NULL,
    created_at    DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    KEY idx_team_certification_team (team_id, id),
    CONSTRAINT fk_team_certification_team FOREIGN KEY (team_id) REFERENCES team (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
