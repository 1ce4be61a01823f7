-- One row per WeChat user (openid within this mini-program). session_key is never stored here.
CREATE TABLE app_user (
    id            BIGINT      NOT NULL AUTO_INCREMENT,
    openid        VARCHAR(64) NOT NULL,
    unionid       VARCHAR(64) NULL,
    nickname      VARCHAR(64) NULL,
    phone         VARCHAR(20) NULL,
    last_login_at DATETIME(3) NULL,
    created_at    DATETIME(3) NOT NULL,
    updated_at    DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_app_user_openid (openid),
    KEY idx_app_user_unionid (unionid)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Role grants. Admin roles name the org unit whose subtree they cover; `scope_key` is that unit's
-- id or 0, so the unique key also holds for roles without a unit (NULLs never collide).
CREATE TABLE user_role (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    user_id     BIGINT      NOT NULL,
    role        VARCHAR(32) NOT NULL,
    org_unit_id BIGINT      NULL,
    scope_key   BIGINT      NOT NULL,
    granted_by  BIGINT      NULL,
    created_at  DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_user_role (user_id, role, scope_key),
    KEY idx_user_role_unit (org_unit_id),
    CONSTRAINT fk_user_role_user FOREIGN KEY (user_id) REFERENCES app_user (id),
    CONSTRAINT fk_user_role_unit FOREIGN KEY (org_unit_id) REFERENCES org_unit (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Rotating refresh tokens, stored as SHA-256. A family is one login; presenting a token that was
-- already rotated revokes the whole family (reuse detection).
CREATE TABLE refresh_token (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    user_id     BIGINT      NOT NULL,
    family_id   CHAR(36)    NOT NULL,
    token_hash  CHAR(64)    NOT NULL,
    expires_at  DATETIME(3) NOT NULL,
    used_at     DATETIME(3) NULL,
    revoked_at  DATETIME(3) NULL,
    created_at  DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_refresh_token_hash (token_hash),
    KEY idx_refresh_token_family (family_id),
    KEY idx_refresh_token_user (user_id),
    CONSTRAINT fk_refresh_token_user FOREIGN KEY (user_id) REFERENCES app_user (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
