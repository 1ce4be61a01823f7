-- Corrections of 抽查评估, 站互评 and 中心培训 records (they fed the assessment for good once recorded).
-- A record is corrected in place (scores, notes, attendees, date) or withdrawn (withdrawn_at set: it
-- stays readable with its trail but no figure counts it). Every correction keeps who, when, why and
-- the record before and after (JSON text of the fields the API shows; TEXT rather than JSON so it
-- reads the same on MySQL 8 and MariaDB 10.11). The idempotency key is unique per table: of any
-- number of concurrent requests with one key one writes, the others find its row; request_digest
-- (SHA-256 of the request and the caller) tells a retry from a reuse of the key for other input.

ALTER TABLE spot_check ADD COLUMN withdrawn_at DATETIME(3) NULL;
ALTER TABLE peer_review ADD COLUMN withdrawn_at DATETIME(3) NULL;
ALTER TABLE staff_training ADD COLUMN withdrawn_at DATETIME(3) NULL;

CREATE TABLE spot_check_correction (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    spot_check_id   BIGINT       NOT NULL,
    action          VARCHAR(16)  NOT NULL,
    reason          VARCHAR(200) NOT NULL,
    before_state    TEXT         NOT NULL,
    after_state     TEXT         NULL,
    idempotency_key VARCHAR(64)  NOT NULL,
    request_digest  CHAR(64)     NOT NULL,
    corrected_by    BIGINT       NOT NULL,
    corrected_at    DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_spot_check_correction_key (idempotency_key),
    KEY idx_spot_check_correction_check (spot_check_id, id),
    CONSTRAINT fk_spot_check_correction_check FOREIGN KEY (spot_check_id) REFERENCES spot_check (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE peer_review_correction (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    review_id       BIGINT       NOT NULL,
    action          VARCHAR(16)  NOT NULL,
    reason          VARCHAR(200) NOT NULL,
    before_state    TEXT         NOT NULL,
    after_state     TEXT         NULL,
    idempotency_key VARCHAR(64)  NOT NULL,
    request_digest  CHAR(64)     NOT NULL,
    corrected_by    BIGINT       NOT NULL,
    corrected_at    DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_peer_review_correction_key (idempotency_key),
    KEY idx_peer_review_correction_review (review_id, id),
    CONSTRAINT fk_peer_review_correction_review FOREIGN KEY (review_id) REFERENCES peer_review (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE staff_training_correction (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    training_id     BIGINT       NOT NULL,
    action          VARCHAR(16)  NOT NULL,
    reason          VARCHAR(200) NOT NULL,
    before_state    TEXT         NOT NULL,
    after_state     TEXT         NULL,
    idempotency_key VARCHAR(64)  NOT NULL,
    request_digest  CHAR(64)     NOT NULL,
    corrected_by    BIGINT       NOT NULL,
    corrected_at    DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_staff_training_correction_key (idempotency_key),
    KEY idx_staff_training_correction_training (training_id, id),
    CONSTRAINT fk_staff_training_correction_training FOREIGN KEY (training_id) REFERENCES staff_training (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
