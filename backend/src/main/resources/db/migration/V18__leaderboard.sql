-- Leaderboards keep their scores in Redis (rebuilt from the owners' tables); MySQL holds only the
-- one thing that is the leaderboard's own: whether a volunteer shows their real name on boards
-- (default: no row = masked, 张*).
CREATE TABLE leaderboard_preference (
    user_id     BIGINT      NOT NULL,
    show_name   TINYINT(1)  NOT NULL DEFAULT 0,
    updated_at  DATETIME(3) NOT NULL,
    PRIMARY KEY (user_id),
    CONSTRAINT fk_leaderboard_preference_user FOREIGN KEY (user_id) REFERENCES app_user (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
