-- 志愿服务证明 (service-record certificates). A certificate is a fixed document: the PDF is kept as
-- issued, with the totals and a SHA-256 of the content it states, so a later revocation changes
-- the next certificate, never one already handed out. code is the random verification code
-- (base32, 80 bits) printed on the PDF and checked by the public verifyServiceRecord query.
-- uk_certificate_content: one certificate per stated content, so two concurrent requests for the
-- same unchanged record end with one certificate (the loser reads the winner's).
CREATE TABLE service_certificate (
    id                BIGINT        NOT NULL AUTO_INCREMENT,
    code              VARCHAR(20)   NOT NULL,
    volunteer_id      BIGINT        NOT NULL,
    service_year      INT           NOT NULL,
    activities_count  INT           NOT NULL,
    credit_hours      DECIMAL(8,2)  NOT NULL,
    honor_hours       DECIMAL(8,2)  NOT NULL,
    masked_name       VARCHAR(40)   NOT NULL,
    issuing_unit_id   BIGINT        NOT NULL,
    issuing_unit_name VARCHAR(60)   NOT NULL,
    content_hash      CHAR(64)      NOT NULL,
    pdf               MEDIUMBLOB    NOT NULL,
    issued_by         BIGINT        NOT NULL,
    issued_at         DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_certificate_code (code),
    UNIQUE KEY uk_certificate_content (volunteer_id, service_year, content_hash),
    CONSTRAINT fk_certificate_volunteer FOREIGN KEY (volunteer_id) REFERENCES volunteer (id),
    CONSTRAINT fk_certificate_unit FOREIGN KEY (issuing_unit_id) REFERENCES org_unit (id),
    CONSTRAINT fk_certificate_issuer FOREIGN KEY (issued_by) REFERENCES app_user (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 活动评价: one rating per person and activity, by volunteers who attended (checked in) a finished
-- activity. project_id is copied from the activity (which never changes project) so a project's
-- rating is one grouped scan of this table. comment_hold is set when WeChat's msgSecCheck asked
-- for review or could not be reached; such a comment is shown to its author only.
CREATE TABLE activity_rating (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    activity_id  BIGINT       NOT NULL,
    project_id   BIGINT       NOT NULL,
    user_id      BIGINT       NOT NULL,
    stars        TINYINT      NOT NULL,
    comment      VARCHAR(500) NULL,
    comment_hold VARCHAR(16)  NULL,
    created_at   DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_activity_rating_user (activity_id, user_id),
    KEY idx_activity_rating_project (project_id),
    CONSTRAINT fk_activity_rating_activity FOREIGN KEY (activity_id) REFERENCES activity (id),
    CONSTRAINT fk_activity_rating_project FOREIGN KEY (project_id) REFERENCES project (id),
    CONSTRAINT fk_activity_rating_user FOREIGN KEY (user_id) REFERENCES app_user (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

