-- Staff review of held photos (issue 16): a photo WeChat has not passed (still checking, never
-- checked, or judged risky) waits for an admin covering its need's station. The decision is kept on
-- the row as its audit trail: who decided, when, and what (the status it left the photo in); a
-- reviewed photo is no longer held, and a later WeChat verdict does not change it.
ALTER TABLE media_photo
    ADD COLUMN reviewed_by BIGINT NULL,
    ADD COLUMN reviewed_at DATETIME(3) NULL,
    ADD KEY idx_media_photo_held (status, reviewed_at, id);
