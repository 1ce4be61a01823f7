-- Needs, second increment: content-security holds, stage deadlines with escalation, CLOSED_UNRATED,
-- and the ShedLock table that makes a scheduled job run once per tick across instances.

-- Content holds. NULL: WeChat msgSecCheck passed (or an admin reviewed the text). REVIEW: WeChat
-- asked for human review. UNCHECKED: WeChat could not be asked (down, timeout, over quota), so the
-- text was never checked. A held need (title and description) waits in SUBMITTED like every new
-- need, and publishNeed (the station's review) clears the hold; a held completion note or rating
-- comment is shown only to its author and the admins until an admin reviews it.
ALTER TABLE need
    ADD COLUMN content_hold         VARCHAR(16) NULL AFTER description,
    ADD COLUMN completion_note_hold VARCHAR(16) NULL AFTER completion_note,
    ADD COLUMN rating_comment_hold  VARCHAR(16) NULL AFTER rating_comment,
    -- When the need was last dispatched: the acceptance deadline runs from here.
    ADD COLUMN dispatched_at        DATETIME(3) NULL AFTER deadline_at,
    -- Escalation of the current stage: NULL (not overdue yet), INSTITUTE (所) or CENTER (中心).
    -- Every status change clears it, so each stage starts again at the station.
    ADD COLUMN escalation_level     VARCHAR(16) NULL,
    ADD COLUMN escalated_at         DATETIME(3) NULL,
    ADD KEY idx_need_escalation (escalation_level, status, id);

-- The deadline job (no user) writes escalation and auto-close rows: their actor is NULL.
ALTER TABLE need_history
    MODIFY COLUMN actor_user_id BIGINT NULL;

-- ShedLock (JdbcTemplateLockProvider): one row per scheduled job name.
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL,
    lock_until DATETIME(3)  NOT NULL,
    locked_at  DATETIME(3)  NOT NULL,
    locked_by  VARCHAR(255) NOT NULL,
    PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
