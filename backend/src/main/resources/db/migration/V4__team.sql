-- 志愿服务队伍: 总队 (GENERAL), 支队 (BRANCH), 分队 (SQUAD) and specialty teams (SPECIALTY), each
-- belonging to an org unit and led by a registered volunteer. `active_flag` is 1 while ACTIVE and
-- NULL once disbanded, so the unique key keeps live team names distinct within a unit while any
-- number of disbanded teams may share a name.
CREATE TABLE team (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    org_unit_id    BIGINT       NOT NULL,
    name           VARCHAR(60)  NOT NULL,
    kind           VARCHAR(16)  NOT NULL,
    description    VARCHAR(500) NULL,
    leader_user_id BIGINT       NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    active_flag    TINYINT      NULL,
    created_by     BIGINT       NOT NULL,
    disbanded_at   DATETIME(3)  NULL,
    created_at     DATETIME(3)  NOT NULL,
    updated_at     DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_team_active_name (org_unit_id, name, active_flag),
    KEY idx_team_unit_status (org_unit_id, status, id),
    KEY idx_team_leader (leader_user_id, status),
    CONSTRAINT fk_team_unit FOREIGN KEY (org_unit_id) REFERENCES org_unit (id),
    CONSTRAINT fk_team_leader FOREIGN KEY (leader_user_id) REFERENCES app_user (id),
    CONSTRAINT fk_team_creator FOREIGN KEY (created_by) REFERENCES app_user (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Skills (SKILL) and service categories (CATEGORY) a team offers, for the resources list (资源清单).
CREATE TABLE team_tag (
    team_id BIGINT      NOT NULL,
    kind    VARCHAR(16) NOT NULL,
    value   VARCHAR(20) NOT NULL,
    PRIMARY KEY (team_id, kind, value),
    KEY idx_team_tag_value (kind, value, team_id),
    CONSTRAINT fk_team_tag_team FOREIGN KEY (team_id) REFERENCES team (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Current members; the leader is a member with role LEADER. A person may be in several teams;
-- the primary key makes a second membership of the same team impossible, even under races.
CREATE TABLE team_member (
    team_id      BIGINT      NOT NULL,
    user_id      BIGINT      NOT NULL,
    volunteer_id BIGINT      NOT NULL,
    role         VARCHAR(16) NOT NULL,
    joined_at    DATETIME(3) NOT NULL,
    PRIMARY KEY (team_id, user_id),
    KEY idx_team_member_user (user_id, team_id),
    CONSTRAINT fk_team_member_team FOREIGN KEY (team_id) REFERENCES team (id),
    CONSTRAINT fk_team_member_user FOREIGN KEY (user_id) REFERENCES app_user (id),
    CONSTRAINT fk_team_member_volunteer FOREIGN KEY (volunteer_id) REFERENCES volunteer (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Requests to join (入队申请). `open_flag` is 1 while PENDING and NULL once decided, so the unique
-- key allows one pending request per person and team but any number of decided ones. A decision
-- is a guarded UPDATE ... WHERE status = 'PENDING': of concurrent deciders exactly one wins.
CREATE TABLE team_join_request (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    team_id         BIGINT       NOT NULL,
    user_id         BIGINT       NOT NULL,
    volunteer_id    BIGINT       NOT NULL,
    message         VARCHAR(200) NULL,
    status          VARCHAR(16)  NOT NULL,
    open_flag       TINYINT      NULL,
    decided_by      BIGINT       NULL,
    decided_at      DATETIME(3)  NULL,
    decision_reason VARCHAR(200) NULL,
    created_at      DATETIME(3)  NOT NULL,
    updated_at      DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_join_request_open (team_id, user_id, open_flag),
    KEY idx_join_request_team_status (team_id, status, id),
    KEY idx_join_request_user (user_id, id),
    CONSTRAINT fk_join_request_team FOREIGN KEY (team_id) REFERENCES team (id),
    CONSTRAINT fk_join_request_user FOREIGN KEY (user_id) REFERENCES app_user (id),
    CONSTRAINT fk_join_request_volunteer FOREIGN KEY (volunteer_id) REFERENCES volunteer (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
