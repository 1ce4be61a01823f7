-- 考核指标补全 (issue 18): the figures seeds 003 and 004 judge staff by that were not computed yet.

-- 品牌项目 (seed 003: 每县 5–6 个品牌项目): the flag is set by an admin of the county's center only;
-- who set it last and when, and every change with its reason in project_brand_change.
ALTER TABLE project
    ADD COLUMN brand_marked_by BIGINT      NULL,
    ADD COLUMN brand_marked_at DATETIME(3) NULL;

CREATE TABLE project_brand_change (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    project_id BIGINT       NOT NULL,
    brand      TINYINT(1)   NOT NULL,
    reason     VARCHAR(200) NOT NULL,
    changed_by BIGINT       NOT NULL,
    changed_at DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    KEY idx_project_brand_change_project (project_id, id),
    CONSTRAINT fk_project_brand_change_project FOREIGN KEY (project_id) REFERENCES project (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The assessment counts brand projects per unit.
CREATE INDEX idx_project_brand_unit ON project (brand, org_unit_id);

-- 在职党员 (seed 003: 在职党员到站报到): a volunteer declares it (registration or profile), an admin
-- over the home station confirms it or sets it; only a confirmed flag counts. Changes by admins carry
-- a reason and are kept in volunteer_party_change.
ALTER TABLE volunteer
    ADD COLUMN in_service_party_declared TINYINT(1)  NOT NULL DEFAULT 0,
    ADD COLUMN in_service_party_member   TINYINT(1)  NOT NULL DEFAULT 0,
    ADD COLUMN in_service_party_by       BIGINT      NULL,
    ADD COLUMN in_service_party_at       DATETIME(3) NULL;

CREATE TABLE volunteer_party_change (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    volunteer_id BIGINT       NOT NULL,
    in_service   TINYINT(1)   NOT NULL,
    reason       VARCHAR(200) NOT NULL,
    changed_by   BIGINT       NOT NULL,
    changed_at   DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    KEY idx_volunteer_party_change_volunteer (volunteer_id, id),
    CONSTRAINT fk_volunteer_party_change_volunteer FOREIGN KEY (volunteer_id) REFERENCES volunteer (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 中心培训 (seed 003: 中心每年至少开展 2 次骨干和工作人员培训，全覆盖): sessions a unit holds for its
-- staff (admins) and 骨干 (team leaders), attendees by user id. Beside volunteer_training (先培训再上岗
-- of volunteers): the volunteer feature records trainings; attendees need not be volunteers.
CREATE TABLE staff_training (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    org_unit_id BIGINT       NOT NULL,
    held_on     DATE         NOT NULL,
    topic       VARCHAR(100) NOT NULL,
    recorded_by BIGINT       NOT NULL,
    created_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    KEY idx_staff_training_held (held_on, org_unit_id),
    KEY idx_staff_training_unit (org_unit_id, held_on)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE staff_training_attendee (
    training_id BIGINT NOT NULL,
    user_id     BIGINT NOT NULL,
    PRIMARY KEY (training_id, user_id),
    KEY idx_staff_training_attendee_user (user_id),
    CONSTRAINT fk_staff_training_attendee_training FOREIGN KEY (training_id) REFERENCES staff_training (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
