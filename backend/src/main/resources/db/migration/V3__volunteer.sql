-- 志愿者注册登记. One volunteer per user and per resident ID number. The ID number is stored only
-- encrypted (AES-GCM, id_number_cipher), as a keyed blind index (HMAC, id_number_hash) whose unique
-- key makes "one volunteer per ID" hold even under concurrent registrations, and as the masked
-- display form; the plaintext never reaches the database.
CREATE TABLE volunteer (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    user_id          BIGINT        NOT NULL,
    real_name        VARCHAR(30)   NOT NULL,
    id_number_cipher VARCHAR(128)  NOT NULL,
    id_number_hash   CHAR(64)      NOT NULL,
    id_number_masked VARCHAR(18)   NOT NULL,
    home_station_id  BIGINT        NOT NULL,
    party_member     TINYINT(1)    NOT NULL DEFAULT 0,
    trained          TINYINT(1)    NOT NULL DEFAULT 0,
    -- Service hours (时长) credited by later features; the star level (星级) is derived from credit_hours.
    credit_hours     DECIMAL(10,2) NOT NULL DEFAULT 0,
    honor_hours      DECIMAL(10,2) NOT NULL DEFAULT 0,
    version          INT           NOT NULL DEFAULT 0,
    created_at       DATETIME(3)   NOT NULL,
    updated_at       DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_volunteer_user (user_id),
    UNIQUE KEY uk_volunteer_id_number (id_number_hash),
    KEY idx_volunteer_station (home_station_id, id),
    CONSTRAINT fk_volunteer_user FOREIGN KEY (user_id) REFERENCES app_user (id),
    CONSTRAINT fk_volunteer_station FOREIGN KEY (home_station_id) REFERENCES org_unit (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Skills (kind SKILL, free tags) and service categories (kind CATEGORY, the five platforms) of a
-- volunteer. (kind, value) is indexed for the resources list (资源清单) search.
CREATE TABLE volunteer_tag (
    volunteer_id BIGINT      NOT NULL,
    kind         VARCHAR(16) NOT NULL,
    value        VARCHAR(20) NOT NULL,
    PRIMARY KEY (volunteer_id, kind, value),
    KEY idx_volunteer_tag_value (kind, value, volunteer_id),
    CONSTRAINT fk_volunteer_tag_volunteer FOREIGN KEY (volunteer_id) REFERENCES volunteer (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 先培训再上岗: completed trainings recorded by an admin; the first one sets volunteer.trained.
CREATE TABLE volunteer_training (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    volunteer_id BIGINT       NOT NULL,
    course       VARCHAR(100) NOT NULL,
    completed_at DATETIME(3)  NOT NULL,
    recorded_by  BIGINT       NOT NULL,
    created_at   DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    KEY idx_volunteer_training_volunteer (volunteer_id, id),
    CONSTRAINT fk_volunteer_training_volunteer FOREIGN KEY (volunteer_id) REFERENCES volunteer (id),
    CONSTRAINT fk_volunteer_training_recorder FOREIGN KEY (recorded_by) REFERENCES app_user (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
