-- 荣誉时长补录 is a correction like any other: a retried or double-sent record must write once. The
-- key belongs to the recorder (as the correction trails' keys, V55): (recorded_by, idempotency_key)
-- is unique; records made before this migration have none (NULLs do not collide).
ALTER TABLE volunteer_honor_hours
    ADD COLUMN idempotency_key VARCHAR(64) NULL,
    ADD UNIQUE KEY uk_volunteer_honor_hours_recorder_key (recorded_by, idempotency_key);
