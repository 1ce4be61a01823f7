-- 理论宣讲 (issue 18, seed 003 四): the registry of 宣讲员 (volunteers flagged as lecturers, with their
-- topics) and 宣讲团 (groups of lecturers under an org unit), and the lectures units record.

-- 宣讲员: one row per volunteer, registered by (and listed under) an org unit covering their home station.
CREATE TABLE lecturer (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    volunteer_id  BIGINT       NOT NULL,
    org_unit_id   BIGINT       NOT NULL,
    topics        VARCHAR(300) NOT NULL,
    registered_by BIGINT       NOT NULL,
    created_at    DATETIME(3)  NOT NULL,
    updated_at    DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_lecturer_volunteer (volunteer_id),
    KEY idx_lecturer_unit (org_unit_id, id),
    CONSTRAINT fk_lecturer_volunteer FOREIGN KEY (volunteer_id) REFERENCES volunteer (id),
    CONSTRAINT fk_lecturer_unit FOREIGN KEY (org_unit_id) REFERENCES org_unit (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 宣讲团
CREATE TABLE lecture_group (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    org_unit_id BIGINT      NOT NULL,
    name        VARCHAR(60) NOT NULL,
    created_by  BIGINT      NOT NULL,
    created_at  DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_lecture_group_name (org_unit_id, name),
    KEY idx_lecture_group_unit (org_unit_id, id),
    CONSTRAINT fk_lecture_group_unit FOREIGN KEY (org_unit_id) REFERENCES org_unit (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE lecture_group_member (
    group_id    BIGINT NOT NULL,
    lecturer_id BIGINT NOT NULL,
    PRIMARY KEY (group_id, lecturer_id),
    KEY idx_lecture_group_member_lecturer (lecturer_id),
    CONSTRAINT fk_lecture_group_member_group FOREIGN KEY (group_id) REFERENCES lecture_group (id),
    CONSTRAINT fk_lecture_group_member_lecturer FOREIGN KEY (lecturer_id) REFERENCES lecturer (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 宣讲: held by the unit org_unit_id on held_on (the county's calendar date). activity_id links the
-- activity it was held as (at most one lecture per activity: the assessment counts the lecture and
-- not the activity's flag, so one event is never counted twice).
CREATE TABLE lecture (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    org_unit_id BIGINT       NOT NULL,
    topic       VARCHAR(100) NOT NULL,
    place       VARCHAR(100) NOT NULL,
    held_on     DATE         NOT NULL,
    audience    INT          NOT NULL,
    group_id    BIGINT       NULL,
    activity_id BIGINT       NULL,
    recorded_by BIGINT       NOT NULL,
    created_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_lecture_activity (activity_id),
    KEY idx_lecture_unit (org_unit_id, id),
    KEY idx_lecture_unit_date (org_unit_id, held_on),
    CONSTRAINT fk_lecture_unit FOREIGN KEY (org_unit_id) REFERENCES org_unit (id),
    CONSTRAINT fk_lecture_group FOREIGN KEY (group_id) REFERENCES lecture_group (id),
    CONSTRAINT fk_lecture_activity FOREIGN KEY (activity_id) REFERENCES activity (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE lecture_speaker (
    lecture_id  BIGINT NOT NULL,
    lecturer_id BIGINT NOT NULL,
    PRIMARY KEY (lecture_id, lecturer_id),
    KEY idx_lecture_speaker_lecturer (lecturer_id),
    CONSTRAINT fk_lecture_speaker_lecture FOREIGN KEY (lecture_id) REFERENCES lecture (id),
    CONSTRAINT fk_lecture_speaker_lecturer FOREIGN KEY (lecturer_id) REFERENCES lecturer (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
