-- Followers of the official account (公众号粉丝), keyed by their openid for the account (not the
-- mini-program's openid: WeChat gives each app its own). Only what the replies need: the last
-- location the follower shared (a LOCATION event or a location message), used to find their
-- station and the activities near them. It is forgotten when they unfollow.
CREATE TABLE mp_follower (
    openid          VARCHAR(64)  NOT NULL,
    subscribed      TINYINT(1)   NOT NULL DEFAULT 1,
    latitude        DECIMAL(9,6) NULL,
    longitude       DECIMAL(9,6) NULL,
    located_at      DATETIME(3)  NULL,
    subscribed_at   DATETIME(3)  NULL,
    unsubscribed_at DATETIME(3)  NULL,
    created_at      DATETIME(3)  NOT NULL,
    updated_at      DATETIME(3)  NOT NULL,
    PRIMARY KEY (openid)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
