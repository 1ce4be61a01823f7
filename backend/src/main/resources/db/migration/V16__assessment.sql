-- Assessment (考核): a paired 文明单位 must hold at least one activity a month at its station (结对共建).
-- An activity may name the civilized unit that runs it; it is checked to be paired with the activity's
-- station when the activity is created. The key serves the monthly count per station and unit.
ALTER TABLE activity
    ADD COLUMN civilized_unit_id BIGINT NULL,
    ADD KEY idx_activity_civilized_unit (civilized_unit_id, starts_at),
    ADD CONSTRAINT fk_activity_civilized_unit FOREIGN KEY (civilized_unit_id) REFERENCES civilized_unit (id);

-- The assessment's grouped reads are bounded by period: held activities by status and start, service
-- hours by the activity's end (then sign-ups by activity) and honor hours by service date, so a
-- report reads the period's rows rather than every row ever written.
ALTER TABLE activity
    ADD KEY idx_activity_status_unit (status, starts_at, org_unit_id),
    ADD KEY idx_activity_ends (ends_at);

ALTER TABLE volunteer_honor_hours
    ADD KEY idx_honor_hours_date (service_date, volunteer_id);
