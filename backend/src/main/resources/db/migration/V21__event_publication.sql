-- 事件发布登记 (Spring Modulith's event publication registry): one row per (event, listener) pair,
-- written in the transaction that publishes the event, so work after a commit (points, boards,
-- project ratings, nearby indexes, notification triggers) is recorded with the change that causes
-- it. A row is deleted once its listener completed (spring.modulith.events.completion-mode=delete),
-- so the table holds only outstanding work, which EventPublicationResubmission hands back to the
-- listeners. Modulith 2.1's own MySQL schema (schemas/v2/schema-mysql.sql), with two changes:
--   * DATETIME(6) instead of TIMESTAMP(6): instants are UTC wall time like every other table here,
--     and a TIMESTAMP NOT NULL column would get ON UPDATE CURRENT_TIMESTAMP on a server running with
--     explicit_defaults_for_timestamp off;
--   * SERIALIZED_EVENT as TEXT: a completed need carries all its participants and may outgrow 4000.
-- The table and column names stay upper case: Modulith's SQL names them so, and table names are
-- case-sensitive on Linux.
CREATE TABLE EVENT_PUBLICATION (
    ID                     VARCHAR(36)  NOT NULL,
    LISTENER_ID            VARCHAR(512) NOT NULL,
    EVENT_TYPE             VARCHAR(512) NOT NULL,
    SERIALIZED_EVENT       TEXT         NOT NULL,
    PUBLICATION_DATE       DATETIME(6)  NOT NULL,
    COMPLETION_DATE        DATETIME(6)  NULL,
    STATUS                 VARCHAR(20)  NULL,
    COMPLETION_ATTEMPTS    INT          NULL,
    LAST_RESUBMISSION_DATE DATETIME(6)  NULL,
    PRIMARY KEY (ID),
    INDEX EVENT_PUBLICATION_BY_COMPLETION_DATE_IDX (COMPLETION_DATE)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
