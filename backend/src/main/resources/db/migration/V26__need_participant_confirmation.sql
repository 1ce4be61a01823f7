-- Need-service hours are claims until confirmed: completeNeed records each participant's hours as
-- PENDING; an admin covering the station who did not serve the need confirms them (or adjusts them
-- first, with a reason), and only then are they credit hours and points. Existing rows were
-- credited points at completion already, so they are backfilled CONFIRMED as of their completion
-- (history unchanged; the points reconciler finds the same awards it already made).
ALTER TABLE need_participant
    ADD COLUMN hours_status   VARCHAR(16)   NOT NULL DEFAULT 'PENDING' AFTER hours,
    ADD COLUMN claimed_hours  DECIMAL(5, 1) NULL AFTER hours_status,
    ADD COLUMN adjusted_by    BIGINT        NULL AFTER claimed_hours,
    ADD COLUMN adjusted_reason VARCHAR(200) NULL AFTER adjusted_by,
    ADD COLUMN confirmed_by   BIGINT        NULL AFTER adjusted_reason,
    ADD COLUMN confirmed_at   DATETIME(3)   NULL AFTER confirmed_by,
    ADD KEY idx_need_participant_status (hours_status, need_id),
    ADD KEY idx_need_participant_confirmed (confirmed_at, need_id);

UPDATE need_participant p
SET p.hours_status = 'CONFIRMED',
    p.confirmed_at = (SELECT n.completed_at FROM need n WHERE n.id = p.need_id);
