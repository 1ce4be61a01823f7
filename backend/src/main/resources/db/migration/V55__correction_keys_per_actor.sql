-- The idempotency keys of the correction trails (V53: 抽查评估, 站互评, 中心培训) belong to the one who
-- corrects, as the redemption keys belong to the redeemer (V17's uk_redemption_idempotency): V53 made
-- each key unique over all users, so an admin whose key string another admin had used got
-- IDEMPOTENCY_KEY_REUSED — or, with the same input on the same record, the record as it was with no
-- correction written in their name — and the keys were one namespace anyone could probe. Now
-- (corrected_by, idempotency_key) is unique: one actor's concurrent requests with one key still write
-- once (the index decides), another actor's key of the same string is their own.
-- Dropped and added in one ALTER per table, so there is no moment without the key on either MariaDB
-- 10.11 or MySQL 8; no foreign key uses the old index (each has its own record index).

ALTER TABLE spot_check_correction
    DROP INDEX uk_spot_check_correction_key,
    ADD UNIQUE KEY uk_spot_check_correction_actor_key (corrected_by, idempotency_key);

ALTER TABLE peer_review_correction
    DROP INDEX uk_peer_review_correction_key,
    ADD UNIQUE KEY uk_peer_review_correction_actor_key (corrected_by, idempotency_key);

ALTER TABLE staff_training_correction
    DROP INDEX uk_staff_training_correction_key,
    ADD UNIQUE KEY uk_staff_training_correction_actor_key (corrected_by, idempotency_key);
