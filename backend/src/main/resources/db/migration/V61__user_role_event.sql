-- 角色变更记录: revokeRole used to DELETE the user_role row, and with it who had held the role
-- (e.g. 站长 of a station) since when and who had granted it; nobody could say afterwards who held it
-- when, or who removed it. Every grant and revocation now adds a row here, in the transaction that
-- inserts or deletes the user_role row (and only when it did: a double grant or the revocation of a
-- role not held adds nothing). Insert-only.
--
-- org_unit_id is the unit the event is filed under: the role's unit for admin roles; for TEAM_LEADER
-- (a role without a unit) the unit of the team whose creation, hand-over or disbanding caused it;
-- NULL for VOLUNTEER. actor_user_id is the admin who acted, NULL for the system (registration, a
-- bootstrap admin's login); cause says which path wrote the event.
CREATE TABLE user_role_event (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    user_id       BIGINT       NOT NULL,
    role          VARCHAR(32)  NOT NULL,
    org_unit_id   BIGINT       NULL,
    kind          VARCHAR(16)  NOT NULL,
    actor_user_id BIGINT       NULL,
    cause         VARCHAR(32)  NOT NULL,
    reason        VARCHAR(200) NULL,
    created_at    DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    KEY idx_user_role_event_unit (org_unit_id, id),
    KEY idx_user_role_event_user (user_id, id),
    CONSTRAINT fk_user_role_event_user FOREIGN KEY (user_id) REFERENCES app_user (id),
    CONSTRAINT fk_user_role_event_unit FOREIGN KEY (org_unit_id) REFERENCES org_unit (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The grants standing now, from what their rows recorded (granter, time). Revocations before this
-- migration left nothing behind, so none are invented; the cause says the event was carried over.
INSERT INTO user_role_event (user_id, role, org_unit_id, kind, actor_user_id, cause, reason, created_at)
SELECT user_id, role, org_unit_id, 'GRANTED', granted_by, 'BEFORE_HISTORY', NULL, created_at
FROM user_role
ORDER BY created_at, id;
