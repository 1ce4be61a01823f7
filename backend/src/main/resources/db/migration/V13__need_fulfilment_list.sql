-- 落实清单 (the monthly fulfilment list). The list of a month is computed from `need` on demand;
-- publishing it stores the computed list as one document here, so later changes to those needs
-- (a late rating, a completion, a renamed team) never alter what was posted publicly.
-- One published list per unit and month: the unique key decides a race between two publishers.
CREATE TABLE need_fulfilment_list (
    id           BIGINT      NOT NULL AUTO_INCREMENT,
    org_unit_id  BIGINT      NOT NULL,
    -- YYYY-MM, a calendar month in Asia/Shanghai.
    month        CHAR(7)     NOT NULL,
    -- The list as published (JSON written and read by the application only; no JSON functions).
    document     MEDIUMTEXT  NOT NULL,
    published_by BIGINT      NOT NULL,
    published_at DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_need_fulfilment_list_unit_month (org_unit_id, month),
    CONSTRAINT fk_need_fulfilment_list_unit FOREIGN KEY (org_unit_id) REFERENCES org_unit (id),
    CONSTRAINT fk_need_fulfilment_list_publisher FOREIGN KEY (published_by) REFERENCES app_user (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A month's needs of a subtree are read by station and submission time.
ALTER TABLE need
    ADD KEY idx_need_station_created (station_id, created_at);
