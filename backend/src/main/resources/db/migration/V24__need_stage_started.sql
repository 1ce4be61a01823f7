-- The dispatch step gets a deadline: a PUBLISHED need that nobody dispatches or claims within
-- app.need.dispatch-within escalates like the other stages. published_at cannot mark the start of
-- that stage: a declined dispatch puts the need back on the wish wall long after it was published
-- (and published_at is what the wish wall shows). So every need records when it entered its
-- current status; every status move sets it (NeedTransitions), and so does the submission.
ALTER TABLE need
    ADD COLUMN stage_started_at DATETIME(3) NULL AFTER status;

-- Existing needs: the history row that moved the need into its current status (escalation rows
-- keep the status and are skipped), else, for a PUBLISHED need, its publication, else its last
-- update. The truth, not the deploy time: a need that has already waited too long on the wish wall
-- is escalated by the job's first run.
UPDATE need n
SET n.stage_started_at = COALESCE(
        (SELECT MAX(h.created_at) FROM need_history h
         WHERE h.need_id = n.id AND h.to_status = n.status
           AND (h.from_status IS NULL OR h.from_status <> h.to_status)),
        CASE WHEN n.status = 'PUBLISHED' THEN n.published_at END,
        n.updated_at);
