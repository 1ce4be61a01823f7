-- Needs (需求清单): 点单 → 审核 → 派单/认领 → 接单 → 实施 → 完成 → 评单.

-- The category dictionary, editable by center admins. Seeded with the 13 categories of Gaogang's
-- needs list. A category is disabled rather than deleted so that old needs keep their category.
CREATE TABLE need_category (
    id         BIGINT      NOT NULL AUTO_INCREMENT,
    name       VARCHAR(20) NOT NULL,
    sort_order INT         NOT NULL,
    enabled    TINYINT     NOT NULL,
    created_at DATETIME(3) NOT NULL,
    updated_at DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_need_category_name (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO need_category (name, sort_order, enabled, created_at, updated_at) VALUES
    ('生活服务', 10, 1, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)),
    ('文化文艺', 20, 1, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)),
    ('卫生健康', 30, 1, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)),
    ('科技服务', 40, 1, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)),
    ('教育服务', 50, 1, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)),
    ('法律服务', 60, 1, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)),
    ('心理关爱', 70, 1, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)),
    ('助老服务', 80, 1, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)),
    ('助残服务', 90, 1, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)),
    ('关爱儿童', 100, 1, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)),
    ('环境保护', 110, 1, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)),
    ('平安建设', 120, 1, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)),
    ('其他', 130, 1, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3));

-- One need. `resident_user_id` is the resident who ordered online (who may cancel and rate); it is
-- NULL for assisted orders entered by staff (`created_by`), which carry a consent note instead.
-- At most one of `assigned_team_id` / `assigned_user_id` is set: the team (its current leader acts
-- for it) or the volunteer who was dispatched or who claimed the need. Every status change is a
-- guarded UPDATE ... WHERE status = <expected>, and `version` is bumped by each.
CREATE TABLE need (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    category_id      BIGINT        NOT NULL,
    title            VARCHAR(50)   NOT NULL,
    description      VARCHAR(1000) NOT NULL,
    beneficiary_type VARCHAR(16)   NOT NULL,
    urgency          VARCHAR(16)   NOT NULL,
    address          VARCHAR(255)  NOT NULL,
    latitude         DECIMAL(9, 6) NULL,
    longitude        DECIMAL(9, 6) NULL,
    contact_name     VARCHAR(30)   NOT NULL,
    contact_phone    VARCHAR(20)   NOT NULL,
    desired_date     DATE          NULL,
    station_id       BIGINT        NOT NULL,
    source           VARCHAR(16)   NOT NULL,
    consent_note     VARCHAR(200)  NULL,
    resident_user_id BIGINT        NULL,
    created_by       BIGINT        NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    assigned_team_id BIGINT        NULL,
    assigned_user_id BIGINT        NULL,
    deadline_at      DATETIME(3)   NULL,
    published_at     DATETIME(3)   NULL,
    completed_at     DATETIME(3)   NULL,
    completion_note  VARCHAR(1000) NULL,
    rating_stars     TINYINT       NULL,
    rating_comment   VARCHAR(500)  NULL,
    rated_at         DATETIME(3)   NULL,
    version          INT           NOT NULL,
    created_at       DATETIME(3)   NOT NULL,
    updated_at       DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    KEY idx_need_station_status (station_id, status, id),
    KEY idx_need_status (status, id),
    KEY idx_need_resident (resident_user_id, id),
    KEY idx_need_assigned_team (assigned_team_id, status),
    KEY idx_need_assigned_user (assigned_user_id, status),
    CONSTRAINT fk_need_category FOREIGN KEY (category_id) REFERENCES need_category (id),
    CONSTRAINT fk_need_station FOREIGN KEY (station_id) REFERENCES org_unit (id),
    CONSTRAINT fk_need_resident FOREIGN KEY (resident_user_id) REFERENCES app_user (id),
    CONSTRAINT fk_need_creator FOREIGN KEY (created_by) REFERENCES app_user (id),
    CONSTRAINT fk_need_team FOREIGN KEY (assigned_team_id) REFERENCES team (id),
    CONSTRAINT fk_need_assignee FOREIGN KEY (assigned_user_id) REFERENCES app_user (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The timeline: one row per transition, written in the transaction that made it; the first row
-- (from_status NULL) is the submission itself.
CREATE TABLE need_history (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    need_id       BIGINT        NOT NULL,
    from_status   VARCHAR(16)   NULL,
    to_status     VARCHAR(16)   NOT NULL,
    actor_user_id BIGINT        NOT NULL,
    note          VARCHAR(1000) NULL,
    created_at    DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    KEY idx_need_history_need (need_id, id),
    CONSTRAINT fk_need_history_need FOREIGN KEY (need_id) REFERENCES need (id),
    CONSTRAINT fk_need_history_actor FOREIGN KEY (actor_user_id) REFERENCES app_user (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Who served a completed need and for how long, for the points feature (via NeedCompleted).
CREATE TABLE need_participant (
    need_id      BIGINT       NOT NULL,
    user_id      BIGINT       NOT NULL,
    volunteer_id BIGINT       NOT NULL,
    hours        DECIMAL(5, 1) NOT NULL,
    PRIMARY KEY (need_id, user_id),
    KEY idx_need_participant_user (user_id, need_id),
    CONSTRAINT fk_need_participant_need FOREIGN KEY (need_id) REFERENCES need (id),
    CONSTRAINT fk_need_participant_user FOREIGN KEY (user_id) REFERENCES app_user (id),
    CONSTRAINT fk_need_participant_volunteer FOREIGN KEY (volunteer_id) REFERENCES volunteer (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
