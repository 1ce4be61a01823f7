-- Assessment (考核): a paired 文明单位 must hold at least one activity a month at its station (结对共建).
-- An activity may name the civilized unit that runs it; it is checked to be paired with the activity's
-- station when the activity is created. The key serves the monthly count per station and unit.
ALTER TABLE activity
    ADD COLUMN civilized_unit_id BIGINT NULL,
    ADD KEY idx_activity_civilized_unit (civilized_unit_id, starts_at),
    ADD CONSTRAINT fk_activity_civilized_unit FOREIGN KEY (civilized_unit_id) REFERENCES civilized_unit (id);

-- The assessment counts finished activities by start time within a period.
ALTER TABLE activity
    ADD KEY idx_activity_status_unit (status, starts_at, org_unit_id);
