-- 中心 → 所 → 站 → 点. `path` is the materialised path of ids ('/1/4/17/'), so a subtree is one
-- indexed prefix scan and an admin's scope check is a string prefix test.
CREATE TABLE org_unit (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    parent_id   BIGINT       NULL,
    level       VARCHAR(16)  NOT NULL,
    name        VARCHAR(100) NOT NULL,
    address     VARCHAR(255) NULL,
    region_code VARCHAR(12)  NULL,
    latitude    DECIMAL(9,6) NULL,
    longitude   DECIMAL(9,6) NULL,
    path        VARCHAR(255) NOT NULL,
    status      VARCHAR(16)  NOT NULL,
    version     INT          NOT NULL DEFAULT 0,
    created_at  DATETIME(3)  NOT NULL,
    updated_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    KEY idx_org_unit_parent (parent_id, id),
    KEY idx_org_unit_path (path),
    KEY idx_org_unit_level_status (level, status),
    CONSTRAINT fk_org_unit_parent FOREIGN KEY (parent_id) REFERENCES org_unit (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 文明单位 and their pairing with stations (结对共建). `active` is 1 while paired and NULL after,
-- so the unique key allows one live pairing per unit and station but any number of past ones.
CREATE TABLE civilized_unit (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    name          VARCHAR(100) NOT NULL,
    org_unit_id   BIGINT       NOT NULL,
    contact_name  VARCHAR(50)  NULL,
    contact_phone VARCHAR(20)  NULL,
    created_at    DATETIME(3)  NOT NULL,
    updated_at    DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    KEY idx_civilized_unit_org (org_unit_id),
    CONSTRAINT fk_civilized_unit_org FOREIGN KEY (org_unit_id) REFERENCES org_unit (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE civilized_unit_pairing (
    id                 BIGINT      NOT NULL AUTO_INCREMENT,
    civilized_unit_id  BIGINT      NOT NULL,
    station_id         BIGINT      NOT NULL,
    active             TINYINT     NULL,
    paired_by          BIGINT      NULL,
    paired_at          DATETIME(3) NOT NULL,
    unpaired_by        BIGINT      NULL,
    unpaired_at        DATETIME(3) NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_pairing_active (civilized_unit_id, station_id, active),
    KEY idx_pairing_station (station_id, active),
    CONSTRAINT fk_pairing_unit FOREIGN KEY (civilized_unit_id) REFERENCES civilized_unit (id),
    CONSTRAINT fk_pairing_station FOREIGN KEY (station_id) REFERENCES org_unit (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
