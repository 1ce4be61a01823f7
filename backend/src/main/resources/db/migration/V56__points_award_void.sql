-- An award revoked before it was made: the reversal that found no award records its business key
-- here, under the user's account lock, and an award that finds its key writes nothing. Without it an
-- award delivered after its reversal (a failed or queued listener handed back by the event
-- registry) paid points for revoked hours until the reconciler's next run.
CREATE TABLE points_award_void (
    business_type VARCHAR(24) NOT NULL,
    business_id   VARCHAR(64) NOT NULL,
    user_id       BIGINT      NOT NULL,
    created_at    DATETIME(3) NOT NULL,
    PRIMARY KEY (business_type, business_id, user_id),
    CONSTRAINT fk_points_award_void_user FOREIGN KEY (user_id) REFERENCES app_user (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
