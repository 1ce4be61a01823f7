-- 礼遇规则 under four eyes: a rule a center admin sets waits (PENDING) and pays nobody until another
-- admin over the center approves it (ACTIVE); or is rejected with a reason (REJECTED), withdrawn by
-- its creator (WITHDRAWN), or, once in effect, disabled (DISABLED). `status` replaces `active`, so
-- "in effect" has one source of truth. decided_by / decided_at: who approved, rejected or withdrew
-- it and when.
ALTER TABLE recognition_rule
    ADD COLUMN status        VARCHAR(16)  NOT NULL DEFAULT 'PENDING' AFTER honour_title,
    ADD COLUMN decided_by    BIGINT       NULL AFTER created_at,
    ADD COLUMN decided_at    DATETIME(3)  NULL AFTER decided_by,
    ADD COLUMN reject_reason VARCHAR(200) NULL AFTER decided_at;

-- The rules set before four eyes were in effect from their creation: they stay as they were (ACTIVE,
-- or DISABLED), with no approver — decided_by NULL on an ACTIVE or DISABLED rule means "set before
-- approval was required", never an invented approver.
UPDATE recognition_rule SET status = CASE WHEN active = 1 THEN 'ACTIVE' ELSE 'DISABLED' END;

-- The new index first: the old one serves the foreign key on org_unit_id until then.
ALTER TABLE recognition_rule ADD KEY idx_recognition_rule_status (org_unit_id, status, id);

ALTER TABLE recognition_rule
    DROP INDEX idx_recognition_rule_unit,
    DROP COLUMN active;
