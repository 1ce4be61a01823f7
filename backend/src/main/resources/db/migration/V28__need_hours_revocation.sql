-- Confirmed need-service hours can be revoked by an impartial admin with a reason (issue 13), like
-- confirmed activity hours: a recorded reversal, never a delete. hours_status becomes REVOKED (so
-- every figure that counts CONFIRMED hours leaves them out) and the row keeps its hours,
-- confirmation and the trail: who revoked, when and why. idx_need_participant_revoked lets the
-- points reconciler find recent revocations.
ALTER TABLE need_participant
    ADD COLUMN revoked_by    BIGINT       NULL AFTER confirmed_at,
    ADD COLUMN revoked_at    DATETIME(3)  NULL AFTER revoked_by,
    ADD COLUMN revoke_reason VARCHAR(200) NULL AFTER revoked_at,
    ADD KEY idx_need_participant_revoked (revoked_at, need_id);
