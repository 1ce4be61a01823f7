-- Photos (needs: the resident's photos, the assignee's completion photos) and their WeChat check.

-- One uploaded photo. The bytes live in the media store under `storage_key` (a random name chosen by
-- the server, never anything the client sent). `status`: PENDING until WeChat mediaCheckAsync
-- reports, then PASSED or REJECTED (risky, or review: there is no human review of photos). Only the
-- uploader sees a photo before PASSED. `trace_id` is WeChat's answer to the check request and how its
-- callback is matched; NULL while the request has not reached WeChat (the retry job re-sends,
-- counting `check_attempts`). A photo is attached once: `subject_type`/`subject_id` are set by a
-- guarded UPDATE ... WHERE subject_type IS NULL AND owner_user_id = <caller>.
CREATE TABLE media_photo (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    owner_user_id   BIGINT       NOT NULL,
    storage_key     VARCHAR(64)  NOT NULL,
    content_type    VARCHAR(32)  NOT NULL,
    size_bytes      INT          NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    trace_id        VARCHAR(128) NULL,
    check_attempts  INT          NOT NULL,
    last_attempt_at DATETIME(3)  NULL,
    checked_at      DATETIME(3)  NULL,
    subject_type    VARCHAR(24)  NULL,
    subject_id      BIGINT       NULL,
    created_at      DATETIME(3)  NOT NULL,
    updated_at      DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_media_photo_storage_key (storage_key),
    UNIQUE KEY uk_media_photo_trace (trace_id),
    KEY idx_media_photo_subject (subject_type, subject_id, id),
    KEY idx_media_photo_unsent (status, trace_id, id),
    CONSTRAINT fk_media_photo_owner FOREIGN KEY (owner_user_id) REFERENCES app_user (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Texts held UNCHECKED (WeChat unreachable or over quota) are re-sent by the deadline job; it counts
-- its attempts so that a text WeChat keeps failing on is left to the station's human review.
-- `closed_at`: when the need reached RATED, CLOSED_UNRATED or CANCELLED; the assignee sees the
-- resident's contact data until app.need.assignee-access-after-close after it.
ALTER TABLE need
    ADD COLUMN recheck_attempts INT NOT NULL DEFAULT 0,
    ADD COLUMN closed_at DATETIME(3) NULL;

UPDATE need SET closed_at = rated_at WHERE status = 'RATED';
UPDATE need SET closed_at = updated_at WHERE status IN ('CLOSED_UNRATED', 'CANCELLED');
