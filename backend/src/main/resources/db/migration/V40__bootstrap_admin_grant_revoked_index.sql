-- Centers a configured bootstrap admin (APP_BOOTSTRAP_ADMIN_OPENIDS) was made CENTER_ADMIN of at
-- login. One grant per openid and center, ever: a role revoked later stays revoked. Openids, not
-- user ids, because the list is configured by openid and a grant can predate nothing else.
CREATE TABLE bootstrap_admin_grant (
    openid      VARCHAR(64) NOT NULL,
    org_unit_id BIGINT      NOT NULL,
    granted_at  DATETIME(3) NOT NULL,
    PRIMARY KEY (openid, org_unit_id),
    CONSTRAINT fk_bootstrap_admin_grant_unit FOREIGN KEY (org_unit_id) REFERENCES org_unit (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Admins granted before this ledger existed count as granted, so a role revoked from them is not
-- handed back by their next login. The configured openids are not known here, so every
-- CENTER_ADMIN grant without a granter is recorded; rows of other openids are never consulted.
INSERT IGNORE INTO bootstrap_admin_grant (openid, org_unit_id, granted_at)
SELECT u.openid, r.org_unit_id, r.created_at
FROM user_role r JOIN app_user u ON u.id = r.user_id
WHERE r.role = 'CENTER_ADMIN' AND r.granted_by IS NULL AND r.org_unit_id IS NOT NULL;

-- Each instance polls the logins revoked since its last poll (RevokedLogins).
CREATE INDEX idx_refresh_token_revoked ON refresh_token (revoked_at);
