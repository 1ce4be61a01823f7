-- Held photos found through an index (h1), for needs and 随手拍 alike. Before, the review queue read
-- the whole media_photo table in id order and each feature filtered the rows by the reviewer's
-- stations in Java; a 中心 with many photos (or a day when WeChat's check is down and every photo is
-- held) paid for every photo ever uploaded.
--
-- `unit_id`: the org unit answering for the photo's subject (the need's or the 随手拍's station), set
-- by the owning feature when it attaches the photo; the media module only matches it against the
-- unit ids the caller passes (it does not learn the org tree). A subject's station never changes
-- after submission, so the copy cannot go stale.
-- `held`: 1 while the photo waits for staff (not passed by WeChat, not decided by staff, attached),
-- NULL otherwise, so the index holds only the short queue's rows under held = 1.
ALTER TABLE media_photo
    ADD COLUMN unit_id BIGINT NULL,
    ADD COLUMN held TINYINT GENERATED ALWAYS AS (
        CASE WHEN status IN ('PENDING', 'REJECTED') AND reviewed_at IS NULL AND subject_type IS NOT NULL THEN 1 END
    ) STORED,
    DROP KEY idx_media_photo_held,
    ADD KEY idx_media_photo_held_queue (held, subject_type, unit_id, id);

UPDATE media_photo p JOIN need n ON n.id = p.subject_id
SET p.unit_id = n.station_id
WHERE p.subject_type IN ('NEED', 'NEED_COMPLETION');

UPDATE media_photo p JOIN civic_report r ON r.id = p.subject_id
SET p.unit_id = r.station_id
WHERE p.subject_type IN ('CIVIC_REPORT', 'CIVIC_RESOLUTION');
