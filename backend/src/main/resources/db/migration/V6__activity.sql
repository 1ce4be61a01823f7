-- 志愿服务项目 (服务清单): a project belongs to an org unit (optionally run by a team) and is
-- classified by one of the five platforms (五大平台). Brand projects (品牌项目) are flagged.
CREATE TABLE project (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    org_unit_id BIGINT        NOT NULL,
    team_id     BIGINT        NULL,
    name        VARCHAR(60)   NOT NULL,
    category    VARCHAR(20)   NOT NULL,
    description VARCHAR(2000) NULL,
    brand       TINYINT(1)    NOT NULL DEFAULT 0,
    status      VARCHAR(16)   NOT NULL,
    created_by  BIGINT        NOT NULL,
    created_at  DATETIME(3)   NOT NULL,
    updated_at  DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    KEY idx_project_unit (org_unit_id, id),
    CONSTRAINT fk_project_unit FOREIGN KEY (org_unit_id) REFERENCES org_unit (id),
    CONSTRAINT fk_project_team FOREIGN KEY (team_id) REFERENCES team (id),
    CONSTRAINT fk_project_creator FOREIGN KEY (created_by) REFERENCES app_user (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 活动. org_unit_id and category are copied from the project so that lists filter on one table.
-- confirmed_count is the number of CONFIRMED sign-ups and waitlist_seq the last waitlist number
-- handed out; both change only while the activity row is locked (SELECT ... FOR UPDATE), which
-- serialises sign-ups of one activity: capacity holds and the waitlist follows arrival order.
CREATE TABLE activity (
    id                BIGINT        NOT NULL AUTO_INCREMENT,
    project_id        BIGINT        NOT NULL,
    org_unit_id       BIGINT        NOT NULL,
    category          VARCHAR(20)   NOT NULL,
    title             VARCHAR(100)  NOT NULL,
    description       VARCHAR(5000) NULL,
    starts_at         DATETIME(3)   NOT NULL,
    ends_at           DATETIME(3)   NOT NULL,
    sign_up_deadline  DATETIME(3)   NOT NULL,
    address           VARCHAR(200)  NOT NULL,
    latitude          DECIMAL(9,6)  NOT NULL,
    longitude         DECIMAL(9,6)  NOT NULL,
    geofence_meters   INT           NOT NULL DEFAULT 500,
    capacity          INT           NOT NULL,
    confirmed_count   INT           NOT NULL DEFAULT 0,
    waitlist_seq      INT           NOT NULL DEFAULT 0,
    training_required TINYINT(1)    NOT NULL DEFAULT 0,
    theory_lecture    TINYINT(1)    NOT NULL DEFAULT 0,
    contact_name      VARCHAR(30)   NULL,
    contact_phone     VARCHAR(20)   NULL,
    status            VARCHAR(16)   NOT NULL,
    created_by        BIGINT        NOT NULL,
    created_at        DATETIME(3)   NOT NULL,
    updated_at        DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    KEY idx_activity_unit (org_unit_id, id),
    KEY idx_activity_project (project_id, id),
    KEY idx_activity_status (status, starts_at),
    CONSTRAINT fk_activity_project FOREIGN KEY (project_id) REFERENCES project (id),
    CONSTRAINT fk_activity_unit FOREIGN KEY (org_unit_id) REFERENCES org_unit (id),
    CONSTRAINT fk_activity_creator FOREIGN KEY (created_by) REFERENCES app_user (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Skills an activity asks for (招募要求).
CREATE TABLE activity_skill (
    activity_id BIGINT      NOT NULL,
    skill       VARCHAR(20) NOT NULL,
    PRIMARY KEY (activity_id, skill),
    CONSTRAINT fk_activity_skill_activity FOREIGN KEY (activity_id) REFERENCES activity (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 报名. live_flag is 1 while the sign-up counts (CONFIRMED, WAITLISTED, NO_SHOW) and NULL once
-- cancelled, so one person has at most one live sign-up per activity but may sign up again after
-- cancelling. source records where the tap came from (menu, article, qr ...). Hours are computed
-- at check-out and credited to the volunteer once, when hours_confirmed_at goes from NULL to set.
CREATE TABLE activity_sign_up (
    id                 BIGINT       NOT NULL AUTO_INCREMENT,
    activity_id        BIGINT       NOT NULL,
    user_id            BIGINT       NOT NULL,
    volunteer_id       BIGINT       NOT NULL,
    status             VARCHAR(16)  NOT NULL,
    live_flag          TINYINT      NULL,
    waitlist_position  INT          NULL,
    source             VARCHAR(20)  NULL,
    checked_in_at      DATETIME(3)  NULL,
    checked_out_at     DATETIME(3)  NULL,
    hours              DECIMAL(6,2) NULL,
    hours_confirmed_at DATETIME(3)  NULL,
    hours_confirmed_by BIGINT       NULL,
    cancelled_at       DATETIME(3)  NULL,
    created_at         DATETIME(3)  NOT NULL,
    updated_at         DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_sign_up_live (activity_id, user_id, live_flag),
    KEY idx_sign_up_activity (activity_id, status, waitlist_position),
    KEY idx_sign_up_user (user_id, id),
    CONSTRAINT fk_sign_up_activity FOREIGN KEY (activity_id) REFERENCES activity (id),
    CONSTRAINT fk_sign_up_user FOREIGN KEY (user_id) REFERENCES app_user (id),
    CONSTRAINT fk_sign_up_volunteer FOREIGN KEY (volunteer_id) REFERENCES volunteer (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
