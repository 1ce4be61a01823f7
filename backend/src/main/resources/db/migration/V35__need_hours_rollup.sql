-- 时长汇总 (need): confirmed need-service hours added up per period, the need feature's half of the
-- hour figures (see V34 for the activity half). One row per (period, period_value, subject,
-- subject_id), labels as points_rollup (China time), placed by the confirmation (confirmed_at), as
-- the boards place need hours; subject 'U' = a participant by user id (with their volunteer id, for
-- the assessment), 'T' = the serving team (the need's assigned team at confirmation: a need is
-- confirmed only once completed, and its team changes only before it is).
-- Written by NeedHoursConfirmation in the transaction that confirms (+hours) or revokes (−hours, in
-- the periods of the confirmation) a participant's hours: pending hours may be adjusted, confirmed
-- ones not, so those two moves are the only changes. Rebuildable from need_participant
-- (NeedHoursRollup.rebuild*); the participants stay the truth.
CREATE TABLE need_hours_rollup (
    period       VARCHAR(5)     NOT NULL,
    period_value VARCHAR(10)    NOT NULL,
    subject      CHAR(1)        NOT NULL,
    subject_id   BIGINT         NOT NULL,
    volunteer_id BIGINT         NULL,
    hours        DECIMAL(14, 2) NOT NULL DEFAULT 0,
    PRIMARY KEY (period, period_value, subject, subject_id),
    KEY idx_need_hours_rollup_subject (subject, subject_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO need_hours_rollup (period, period_value, subject, subject_id, volunteer_id, hours)
SELECT 'WEEK', DATE_FORMAT(p.confirmed_at + INTERVAL 8 HOUR, '%x-W%v') AS period_value, 'U', p.user_id, MAX(p.volunteer_id), SUM(p.hours)
FROM need_participant p
WHERE p.hours_status = 'CONFIRMED' AND p.confirmed_at IS NOT NULL
GROUP BY p.user_id, period_value;

INSERT INTO need_hours_rollup (period, period_value, subject, subject_id, volunteer_id, hours)
SELECT 'WEEK', DATE_FORMAT(p.confirmed_at + INTERVAL 8 HOUR, '%x-W%v') AS period_value, 'T', n.assigned_team_id, NULL, SUM(p.hours)
FROM need_participant p JOIN need n ON n.id = p.need_id
WHERE p.hours_status = 'CONFIRMED' AND p.confirmed_at IS NOT NULL AND n.assigned_team_id IS NOT NULL
GROUP BY n.assigned_team_id, period_value;

INSERT INTO need_hours_rollup (period, period_value, subject, subject_id, volunteer_id, hours)
SELECT 'MONTH', DATE_FORMAT(p.confirmed_at + INTERVAL 8 HOUR, '%Y-%m') AS period_value, 'U', p.user_id, MAX(p.volunteer_id), SUM(p.hours)
FROM need_participant p
WHERE p.hours_status = 'CONFIRMED' AND p.confirmed_at IS NOT NULL
GROUP BY p.user_id, period_value;

INSERT INTO need_hours_rollup (period, period_value, subject, subject_id, volunteer_id, hours)
SELECT 'MONTH', DATE_FORMAT(p.confirmed_at + INTERVAL 8 HOUR, '%Y-%m') AS period_value, 'T', n.assigned_team_id, NULL, SUM(p.hours)
FROM need_participant p JOIN need n ON n.id = p.need_id
WHERE p.hours_status = 'CONFIRMED' AND p.confirmed_at IS NOT NULL AND n.assigned_team_id IS NOT NULL
GROUP BY n.assigned_team_id, period_value;

INSERT INTO need_hours_rollup (period, period_value, subject, subject_id, volunteer_id, hours)
SELECT 'YEAR', DATE_FORMAT(p.confirmed_at + INTERVAL 8 HOUR, '%Y') AS period_value, 'U', p.user_id, MAX(p.volunteer_id), SUM(p.hours)
FROM need_participant p
WHERE p.hours_status = 'CONFIRMED' AND p.confirmed_at IS NOT NULL
GROUP BY p.user_id, period_value;

INSERT INTO need_hours_rollup (period, period_value, subject, subject_id, volunteer_id, hours)
SELECT 'YEAR', DATE_FORMAT(p.confirmed_at + INTERVAL 8 HOUR, '%Y') AS period_value, 'T', n.assigned_team_id, NULL, SUM(p.hours)
FROM need_participant p JOIN need n ON n.id = p.need_id
WHERE p.hours_status = 'CONFIRMED' AND p.confirmed_at IS NOT NULL AND n.assigned_team_id IS NOT NULL
GROUP BY n.assigned_team_id, period_value;

INSERT INTO need_hours_rollup (period, period_value, subject, subject_id, volunteer_id, hours)
SELECT 'ALL', 'all' AS period_value, 'U', p.user_id, MAX(p.volunteer_id), SUM(p.hours)
FROM need_participant p
WHERE p.hours_status = 'CONFIRMED' AND p.confirmed_at IS NOT NULL
GROUP BY p.user_id, period_value;

INSERT INTO need_hours_rollup (period, period_value, subject, subject_id, volunteer_id, hours)
SELECT 'ALL', 'all' AS period_value, 'T', n.assigned_team_id, NULL, SUM(p.hours)
FROM need_participant p JOIN need n ON n.id = p.need_id
WHERE p.hours_status = 'CONFIRMED' AND p.confirmed_at IS NOT NULL AND n.assigned_team_id IS NOT NULL
GROUP BY n.assigned_team_id, period_value;
