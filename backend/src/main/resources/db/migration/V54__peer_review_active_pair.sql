-- 站互评: one *active* review per reviewing station, reviewed station and month. V48's unique key
-- covered withdrawn reviews too (V53's withdrawn_at), so a station whose review was withdrawn could
-- never review that station again that month. active_marker is 1 while the review counts and NULL
-- once withdrawn; a unique key lets any number of rows share NULL, so withdrawn reviews stay out of it
-- while two active reviews of one pair and month still collide — concurrent submissions count once.
-- STORED rather than VIRTUAL: both MySQL 8 and MariaDB 10.11 index either, but a stored column is
-- the plainer case for InnoDB on both (no index on a value computed at purge time).
ALTER TABLE peer_review
    ADD COLUMN active_marker TINYINT AS (CASE WHEN withdrawn_at IS NULL THEN 1 ELSE NULL END) STORED;

-- The new key first: it leads with reviewer_station_id, so fk_peer_review_reviewer keeps an index
-- when the old key is dropped.
ALTER TABLE peer_review
    ADD UNIQUE KEY uk_peer_review_active_pair (reviewer_station_id, reviewed_station_id, period, active_marker);

ALTER TABLE peer_review DROP INDEX uk_peer_review_pair;
