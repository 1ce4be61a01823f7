-- 积分汇总 (rollup): the ledger added up per user and period, so leaderboards and period figures
-- read a few hundred thousand rows at most instead of summing millions of ledger lines. One row per
-- (period, period_value, user): period WEEK (ISO week, '2026-W49'), MONTH ('2026-12'), YEAR ('2026')
-- or ALL ('all'), in China time (UTC+8, no daylight saving), the labels the leaderboards use.
--   earned       points earned: awards (ACTIVITY_HOURS, NEED_COMPLETED, RATING_BONUS) and the
--                reversals of awards in full (delta − debt_change), in the period of their own time;
--   delta        Σ delta of every entry (redemptions, refunds, adjustments, expiry, repayments too);
--   debt_change  Σ debt_change;  entries  the number of entries.
-- Written by PointsLedger in the same transaction as each entry (one INSERT … ON DUPLICATE KEY
-- UPDATE, under the account's row lock), and rebuildable from the ledger (PointsRollup.rebuild):
-- the ledger stays the truth. No DAY key: nothing reads one, and it would double the table.
CREATE TABLE points_rollup (
    period       VARCHAR(5)  NOT NULL,
    period_value VARCHAR(10) NOT NULL,
    user_id      BIGINT      NOT NULL,
    earned       BIGINT      NOT NULL DEFAULT 0,
    delta        BIGINT      NOT NULL DEFAULT 0,
    debt_change  BIGINT      NOT NULL DEFAULT 0,
    entries      INT         NOT NULL DEFAULT 0,
    PRIMARY KEY (period, period_value, user_id),
    -- Top-N and "how many scored more" of a board, read from the index alone.
    KEY idx_points_rollup_rank (period, period_value, earned),
    KEY idx_points_rollup_user (user_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- An existing county upgrades with its ledger added up once, one grouped statement per period (the
-- statements of PointsRollup.rebuild; one per period keeps each temporary table to its groups).
INSERT INTO points_rollup (period, period_value, user_id, earned, delta, debt_change, entries)
SELECT 'WEEK', DATE_FORMAT(x.created_at + INTERVAL 8 HOUR, '%x-W%v') AS period_value, x.user_id,
       SUM(CASE WHEN x.business_type IN ('ACTIVITY_HOURS', 'NEED_COMPLETED', 'RATING_BONUS')
                  OR o.business_type IN ('ACTIVITY_HOURS', 'NEED_COMPLETED', 'RATING_BONUS')
                THEN x.delta - x.debt_change ELSE 0 END),
       SUM(x.delta), SUM(x.debt_change), COUNT(*)
FROM points_entry x
-- The cast only for reversals (numeric ids): strict mode would refuse other ids in an INSERT.
LEFT JOIN points_entry o
  ON o.id = CASE WHEN x.business_type = 'REVERSAL' THEN CAST(x.business_id AS UNSIGNED) END
GROUP BY x.user_id, period_value;

INSERT INTO points_rollup (period, period_value, user_id, earned, delta, debt_change, entries)
SELECT 'MONTH', DATE_FORMAT(x.created_at + INTERVAL 8 HOUR, '%Y-%m') AS period_value, x.user_id,
       SUM(CASE WHEN x.business_type IN ('ACTIVITY_HOURS', 'NEED_COMPLETED', 'RATING_BONUS')
                  OR o.business_type IN ('ACTIVITY_HOURS', 'NEED_COMPLETED', 'RATING_BONUS')
                THEN x.delta - x.debt_change ELSE 0 END),
       SUM(x.delta), SUM(x.debt_change), COUNT(*)
FROM points_entry x
-- The cast only for reversals (numeric ids): strict mode would refuse other ids in an INSERT.
LEFT JOIN points_entry o
  ON o.id = CASE WHEN x.business_type = 'REVERSAL' THEN CAST(x.business_id AS UNSIGNED) END
GROUP BY x.user_id, period_value;

INSERT INTO points_rollup (period, period_value, user_id, earned, delta, debt_change, entries)
SELECT 'YEAR', DATE_FORMAT(x.created_at + INTERVAL 8 HOUR, '%Y') AS period_value, x.user_id,
       SUM(CASE WHEN x.business_type IN ('ACTIVITY_HOURS', 'NEED_COMPLETED', 'RATING_BONUS')
                  OR o.business_type IN ('ACTIVITY_HOURS', 'NEED_COMPLETED', 'RATING_BONUS')
                THEN x.delta - x.debt_change ELSE 0 END),
       SUM(x.delta), SUM(x.debt_change), COUNT(*)
FROM points_entry x
-- The cast only for reversals (numeric ids): strict mode would refuse other ids in an INSERT.
LEFT JOIN points_entry o
  ON o.id = CASE WHEN x.business_type = 'REVERSAL' THEN CAST(x.business_id AS UNSIGNED) END
GROUP BY x.user_id, period_value;

INSERT INTO points_rollup (period, period_value, user_id, earned, delta, debt_change, entries)
SELECT 'ALL', 'all' AS period_value, x.user_id,
       SUM(CASE WHEN x.business_type IN ('ACTIVITY_HOURS', 'NEED_COMPLETED', 'RATING_BONUS')
                  OR o.business_type IN ('ACTIVITY_HOURS', 'NEED_COMPLETED', 'RATING_BONUS')
                THEN x.delta - x.debt_change ELSE 0 END),
       SUM(x.delta), SUM(x.debt_change), COUNT(*)
FROM points_entry x
-- The cast only for reversals (numeric ids): strict mode would refuse other ids in an INSERT.
LEFT JOIN points_entry o
  ON o.id = CASE WHEN x.business_type = 'REVERSAL' THEN CAST(x.business_id AS UNSIGNED) END
GROUP BY x.user_id, period_value;
