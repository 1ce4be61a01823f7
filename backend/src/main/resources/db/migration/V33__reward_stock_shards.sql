-- A reward's stock split over shard rows (issue 14): every redemption of a reward used to update the
-- one reward row, whose lock lasts until the commit, so one reward took at most ~200 redemptions a
-- second however many cores served it. A redemption now takes its quantity from one shard (a
-- guarded UPDATE, stock >= quantity); the stock shown is the sum of the shards. version counts the
-- changes of each shard; their sum is the reward's stock version (only ever grows), which Redis
-- compares when it reloads a lost key.
CREATE TABLE reward_stock (
    reward_id BIGINT NOT NULL,
    shard     INT    NOT NULL,
    stock     INT    NOT NULL,
    version   BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (reward_id, shard),
    CONSTRAINT ck_reward_stock_not_negative CHECK (stock >= 0),
    CONSTRAINT fk_reward_stock_reward FOREIGN KEY (reward_id) REFERENCES reward (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Existing stock spread evenly over 8 shards (the default of app.points.redemption.stock-shards);
-- the old version stays in shard 0 so the sum continues where the reward's counter was.
INSERT INTO reward_stock (reward_id, shard, stock, version)
SELECT r.id, s.n, FLOOR(r.stock / 8) + CASE WHEN s.n < MOD(r.stock, 8) THEN 1 ELSE 0 END,
       CASE WHEN s.n = 0 THEN r.version ELSE 0 END
FROM reward r
CROSS JOIN (SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3
            UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7) s;

ALTER TABLE reward DROP COLUMN stock, DROP COLUMN version;
