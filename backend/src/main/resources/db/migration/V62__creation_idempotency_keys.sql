-- The creating mutations that count (点单, 随手拍, 宣讲, 骨干培训, 抽查评估) write once per sender's key, as
-- 荣誉时长补录 does (V57): a double tap, or the clients' retry of a 503 whose COMMIT went through, sends
-- the same key again and is answered the record already made. The key belongs to who sent it
-- ((actor, key) unique, so one user's key neither collides with nor finds another's); request_digest
-- (SHA-256 of the input as sent) tells a resend from the key's reuse for other input, which is refused:
-- the stored fields cannot tell it, since a correction may have changed them and the need's contact
-- phone is sealed. Rows made before this migration have neither (NULLs do not collide).
ALTER TABLE need
    ADD COLUMN idempotency_key VARCHAR(64) NULL,
    ADD COLUMN request_digest CHAR(64) NULL,
    ADD UNIQUE KEY uk_need_creator_key (created_by, idempotency_key);

ALTER TABLE civic_report
    ADD COLUMN idempotency_key VARCHAR(64) NULL,
    ADD COLUMN request_digest CHAR(64) NULL,
    ADD UNIQUE KEY uk_civic_report_reporter_key (reporter_user_id, idempotency_key);

ALTER TABLE lecture
    ADD COLUMN idempotency_key VARCHAR(64) NULL,
    ADD COLUMN request_digest CHAR(64) NULL,
    ADD UNIQUE KEY uk_lecture_recorder_key (recorded_by, idempotency_key);

ALTER TABLE staff_training
    ADD COLUMN idempotency_key VARCHAR(64) NULL,
    ADD COLUMN request_digest CHAR(64) NULL,
    ADD UNIQUE KEY uk_staff_training_recorder_key (recorded_by, idempotency_key);

ALTER TABLE spot_check
    ADD COLUMN idempotency_key VARCHAR(64) NULL,
    ADD COLUMN request_digest CHAR(64) NULL,
    ADD UNIQUE KEY uk_spot_check_checker_key (checked_by, idempotency_key);
