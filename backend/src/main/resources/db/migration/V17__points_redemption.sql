-- 爱心超市: rewards a station's store offers for points. stock is the truth (Redis holds a copy that
-- redemptions decrement first); every change of it is a guarded UPDATE (stock >= quantity), and
-- version counts stock changes.
CREATE TABLE reward (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    station_id       BIGINT       NOT NULL,
    name             VARCHAR(64)  NOT NULL,
    picture_url      VARCHAR(512) NULL,
    kind             VARCHAR(16)  NOT NULL,
    price_points     INT          NOT NULL,
    stock            INT          NOT NULL,
    per_person_limit INT          NOT NULL,
    available_from   DATETIME(3)  NULL,
    available_until  DATETIME(3)  NULL,
    status           VARCHAR(16)  NOT NULL,
    version          BIGINT       NOT NULL DEFAULT 0,
    created_by       BIGINT       NULL,
    created_at       DATETIME(3)  NOT NULL,
    updated_at       DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    KEY idx_reward_station (station_id, status),
    CONSTRAINT fk_reward_station FOREIGN KEY (station_id) REFERENCES org_unit (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- How many of a reward a user holds in live (issued or fulfilled) redemptions: the per-person limit
-- is a guarded UPDATE on this row (redeemed + quantity <= limit), so MySQL enforces it too.
CREATE TABLE reward_user_count (
    reward_id BIGINT NOT NULL,
    user_id   BIGINT NOT NULL,
    redeemed  INT    NOT NULL DEFAULT 0,
    PRIMARY KEY (reward_id, user_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 兑换订单. (user_id, idempotency_key) is claimed first (status PENDING) so one key runs once per
-- user; request_hash is the input the key was first used with. State moves only by guarded
-- UPDATEs from ISSUED (to FULFILLED, CANCELLED or EXPIRED), so one of a racing fulfil and expiry
-- wins. pickup_code (核销码) is random and unique while set.
CREATE TABLE redemption (
    id              BIGINT      NOT NULL AUTO_INCREMENT,
    user_id         BIGINT      NOT NULL,
    reward_id       BIGINT      NOT NULL,
    station_id      BIGINT      NOT NULL,
    quantity        INT         NOT NULL,
    points          INT         NOT NULL,
    idempotency_key VARCHAR(64) NOT NULL,
    request_hash    VARCHAR(64) NOT NULL,
    status          VARCHAR(16) NOT NULL,
    pickup_code     VARCHAR(32) NULL,
    expires_at      DATETIME(3) NULL,
    fulfilled_by    BIGINT      NULL,
    fulfilled_at    DATETIME(3) NULL,
    cancelled_at    DATETIME(3) NULL,
    created_at      DATETIME(3) NOT NULL,
    updated_at      DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_redemption_idempotency (user_id, idempotency_key),
    UNIQUE KEY uk_redemption_pickup_code (pickup_code),
    KEY idx_redemption_status_expiry (status, expires_at),
    KEY idx_redemption_reward (reward_id, status),
    CONSTRAINT fk_redemption_user FOREIGN KEY (user_id) REFERENCES app_user (id),
    CONSTRAINT fk_redemption_reward FOREIGN KEY (reward_id) REFERENCES reward (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
