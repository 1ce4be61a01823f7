-- A need may be served under a service project (服务项目), chosen on dispatch or claim; the project
-- then counts the need's rating. Nullable: most needs are served outside any project.
ALTER TABLE need
    ADD COLUMN project_id BIGINT NULL AFTER assigned_user_id,
    ADD KEY idx_need_project (project_id),
    ADD CONSTRAINT fk_need_project FOREIGN KEY (project_id) REFERENCES project (id);

-- The activity feature's copy of ratings of needs served under a project (from the ServiceRated
-- event), so that Project.rating never reads the need tables. The need id is the key: a replayed
-- event inserts nothing.
CREATE TABLE project_need_rating (
    need_id    BIGINT      NOT NULL,
    project_id BIGINT      NOT NULL,
    stars      TINYINT     NOT NULL,
    rated_at   DATETIME(3) NOT NULL,
    created_at DATETIME(3) NOT NULL,
    PRIMARY KEY (need_id),
    KEY idx_project_need_rating_project (project_id),
    CONSTRAINT fk_project_need_rating_project FOREIGN KEY (project_id) REFERENCES project (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
