-- 文明校园 and pairings with any level (issue 18, seed 003). A civilized unit is a 文明单位 (UNIT) or a
-- 文明校园 (CAMPUS, with the school's 学段); existing rows are units. A pairing (结对共建) now targets a
-- 站, a 所 or the 中心: civilized_unit_pairing.station_id holds the paired org unit of any level (the
-- column keeps its name so that existing rows, keys and readers stay valid). Ending a pairing may record
-- a reason, kept with who ended it and when.
ALTER TABLE civilized_unit
    ADD COLUMN kind         VARCHAR(10) NOT NULL DEFAULT 'UNIT',
    ADD COLUMN school_level VARCHAR(20) NULL;

ALTER TABLE civilized_unit_pairing
    ADD COLUMN unpair_reason VARCHAR(200) NULL;
