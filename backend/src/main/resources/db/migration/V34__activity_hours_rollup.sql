-- 时长汇总 (activity): confirmed, not revoked credit hours of sign-ups added up per period, so hour
-- boards and the assessment read a few hundred thousand rows at most instead of joining every sign-up
-- to its activity. One row per (period, period_value, subject, subject_id): period WEEK/MONTH/YEAR/ALL
-- with the labels of points_rollup (China time, PeriodKeys), placed by the activity's end (ends_at),
-- as the boards and Volunteer.stats place activity hours; subject 'U' = a volunteer by user id (with
-- their volunteer id, 1:1, for the assessment), 'P' = a project (team boards add up the projects a
-- team runs, read from the project feature at read time, as before).
-- Written by SignUpService in the transaction that confirms (+hours) or revokes (−hours) a sign-up's
-- hours: hours change only before confirmation (adjustHours is refused after it) and an activity's
-- times only before anyone checked in, so those two moves are the only changes. Rebuildable from the
-- sign-ups (ActivityHoursRollup.rebuild*); the sign-ups stay the truth.
CREATE TABLE activity_hours_rollup (
    period       VARCHAR(5)     NOT NULL,
    period_value VARCHAR(10)    NOT NULL,
    subject      CHAR(1)        NOT NULL,
    subject_id   BIGINT         NOT NULL,
    volunteer_id BIGINT         NULL,
    hours        DECIMAL(14, 2) NOT NULL DEFAULT 0,
    PRIMARY KEY (period, period_value, subject, subject_id),
    -- A rebuild deletes a range of users or projects.
    KEY idx_activity_hours_rollup_subject (subject, subject_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- An existing county upgrades with its sign-ups added up once: one grouped statement per period and
-- subject (the statements of ActivityHoursRollup's rebuild).
INSERT INTO activity_hours_rollup (period, period_value, subject, subject_id, volunteer_id, hours)
SELECT 'WEEK', DATE_FORMAT(a.ends_at + INTERVAL 8 HOUR, '%x-W%v') AS period_value, 'U', s.user_id, MAX(s.volunteer_id), SUM(COALESCE(s.hours, 0))
FROM activity_sign_up s JOIN activity a ON a.id = s.activity_id
WHERE s.hours_confirmed_at IS NOT NULL AND s.hours_revoked_at IS NULL
GROUP BY s.user_id, period_value;

INSERT INTO activity_hours_rollup (period, period_value, subject, subject_id, volunteer_id, hours)
SELECT 'WEEK', DATE_FORMAT(a.ends_at + INTERVAL 8 HOUR, '%x-W%v') AS period_value, 'P', a.project_id, NULL, SUM(COALESCE(s.hours, 0))
FROM activity_sign_up s JOIN activity a ON a.id = s.activity_id
WHERE s.hours_confirmed_at IS NOT NULL AND s.hours_revoked_at IS NULL
GROUP BY a.project_id, period_value;

INSERT INTO activity_hours_rollup (period, period_value, subject, subject_id, volunteer_id, hours)
SELECT 'MONTH', DATE_FORMAT(a.ends_at + INTERVAL 8 HOUR, '%Y-%m') AS period_value, 'U', s.user_id, MAX(s.volunteer_id), SUM(COALESCE(s.hours, 0))
FROM activity_sign_up s JOIN activity a ON a.id = s.activity_id
WHERE s.hours_confirmed_at IS NOT NULL AND s.hours_revoked_at IS NULL
GROUP BY s.user_id, period_value;

INSERT INTO activity_hours_rollup (period, period_value, subject, subject_id, volunteer_id, hours)
SELECT 'MONTH', DATE_FORMAT(a.ends_at + INTERVAL 8 HOUR, '%Y-%m') AS period_value, 'P', a.project_id, NULL, SUM(COALESCE(s.hours, 0))
FROM activity_sign_up s JOIN activity a ON a.id = s.activity_id
WHERE s.hours_confirmed_at IS NOT NULL AND s.hours_revoked_at IS NULL
GROUP BY a.project_id, period_value;

INSERT INTO activity_hours_rollup (period, period_value, subject, subject_id, volunteer_id, hours)
SELECT 'YEAR', DATE_FORMAT(a.ends_at + INTERVAL 8 HOUR, '%Y') AS period_value, 'U', s.user_id, MAX(s.volunteer_id), SUM(COALESCE(s.hours, 0))
FROM activity_sign_up s JOIN activity a ON a.id = s.activity_id
WHERE s.hours_confirmed_at IS NOT NULL AND s.hours_revoked_at IS NULL
GROUP BY s.user_id, period_value;

INSERT INTO activity_hours_rollup (period, period_value, subject, subject_id, volunteer_id, hours)
SELECT 'YEAR', DATE_FORMAT(a.ends_at + INTERVAL 8 HOUR, '%Y') AS period_value, 'P', a.project_id, NULL, SUM(COALESCE(s.hours, 0))
FROM activity_sign_up s JOIN activity a ON a.id = s.activity_id
WHERE s.hours_confirmed_at IS NOT NULL AND s.hours_revoked_at IS NULL
GROUP BY a.project_id, period_value;

INSERT INTO activity_hours_rollup (period, period_value, subject, subject_id, volunteer_id, hours)
SELECT 'ALL', 'all' AS period_value, 'U', s.user_id, MAX(s.volunteer_id), SUM(COALESCE(s.hours, 0))
FROM activity_sign_up s JOIN activity a ON a.id = s.activity_id
WHERE s.hours_confirmed_at IS NOT NULL AND s.hours_revoked_at IS NULL
GROUP BY s.user_id, period_value;

INSERT INTO activity_hours_rollup (period, period_value, subject, subject_id, volunteer_id, hours)
SELECT 'ALL', 'all' AS period_value, 'P', a.project_id, NULL, SUM(COALESCE(s.hours, 0))
FROM activity_sign_up s JOIN activity a ON a.id = s.activity_id
WHERE s.hours_confirmed_at IS NOT NULL AND s.hours_revoked_at IS NULL
GROUP BY a.project_id, period_value;
