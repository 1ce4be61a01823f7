-- 评估 (issue 18, seed 004): 站互评 (stations of one county rate each other, once a month per pair)
-- and the city's or center's 抽查评估 (spot checks of stations). The CITY org level needs no schema
-- change: org_unit.level and user_role.role are strings.

-- The configurable items a peer review scores (1–5 each); disabled items stay for past reviews.
CREATE TABLE peer_review_item (
    id         BIGINT      NOT NULL AUTO_INCREMENT,
    name       VARCHAR(30) NOT NULL,
    enabled    TINYINT     NOT NULL DEFAULT 1,
    created_at DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_peer_review_item_name (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO peer_review_item (name, enabled, created_at) VALUES
    ('阵地建设', 1, CURRENT_TIMESTAMP(3)),
    ('活动开展', 1, CURRENT_TIMESTAMP(3)),
    ('志愿服务', 1, CURRENT_TIMESTAMP(3)),
    ('群众评价', 1, CURRENT_TIMESTAMP(3));

-- 站互评: one per reviewing station, reviewed station and period (a month, 'yyyy-MM', China's
-- calendar); the unique key makes concurrent submissions of one pair count once.
CREATE TABLE peer_review (
    id                  BIGINT       NOT NULL AUTO_INCREMENT,
    period              CHAR(7)      NOT NULL,
    reviewer_station_id BIGINT       NOT NULL,
    reviewed_station_id BIGINT       NOT NULL,
    average             DECIMAL(4,2) NOT NULL,
    comment             VARCHAR(300) NULL,
    reviewed_by         BIGINT       NOT NULL,
    created_at          DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_peer_review_pair (reviewer_station_id, reviewed_station_id, period),
    KEY idx_peer_review_reviewed (reviewed_station_id, period),
    CONSTRAINT fk_peer_review_reviewer FOREIGN KEY (reviewer_station_id) REFERENCES org_unit (id),
    CONSTRAINT fk_peer_review_reviewed FOREIGN KEY (reviewed_station_id) REFERENCES org_unit (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE peer_review_score (
    review_id BIGINT  NOT NULL,
    item_id   BIGINT  NOT NULL,
    score     TINYINT NOT NULL,
    PRIMARY KEY (review_id, item_id),
    KEY idx_peer_review_score_item (item_id),
    CONSTRAINT fk_peer_review_score_review FOREIGN KEY (review_id) REFERENCES peer_review (id),
    CONSTRAINT fk_peer_review_score_item FOREIGN KEY (item_id) REFERENCES peer_review_item (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 抽查评估: a spot check of a station on checked_on, by a city or center admin; total is the sum of
-- the item scores (spot_check_item, in the order given).
CREATE TABLE spot_check (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    station_id  BIGINT        NOT NULL,
    checked_on  DATE          NOT NULL,
    total       DECIMAL(6,1)  NOT NULL,
    findings    VARCHAR(1000) NULL,
    checked_by  BIGINT        NOT NULL,
    created_at  DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    KEY idx_spot_check_station (station_id, checked_on),
    CONSTRAINT fk_spot_check_station FOREIGN KEY (station_id) REFERENCES org_unit (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE spot_check_item (
    spot_check_id BIGINT       NOT NULL,
    position      INT          NOT NULL,
    name          VARCHAR(30)  NOT NULL,
    score         DECIMAL(5,1) NOT NULL,
    max_score     DECIMAL(5,1) NOT NULL,
    PRIMARY KEY (spot_check_id, position),
    CONSTRAINT fk_spot_check_item_check FOREIGN KEY (spot_check_id) REFERENCES spot_check (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
