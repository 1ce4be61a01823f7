-- 服务清单 任务分解 (issue 18, seed 001: "落实到队伍、分解到志愿者"): a service project's tasks, each due on
-- a date (the county's calendar date) and owned by exactly one team or one volunteer, with their trail.

CREATE TABLE project_task (
    id                  BIGINT        NOT NULL AUTO_INCREMENT,
    project_id          BIGINT        NOT NULL,
    title               VARCHAR(60)   NOT NULL,
    description         VARCHAR(500)  NULL,
    due_date            DATE          NOT NULL,
    -- Exactly one owner: a team or a volunteer (CHECK below; MySQL 8.0.16+ and MariaDB enforce it).
    owner_team_id       BIGINT        NULL,
    owner_volunteer_id  BIGINT        NULL,
    status              VARCHAR(16)   NOT NULL,
    completed_by        BIGINT        NULL,
    completed_at        DATETIME(3)   NULL,
    note                VARCHAR(200)  NULL,
    cancel_reason       VARCHAR(200)  NULL,
    -- The last day the owner was reminded (the daily job reminds once per task per day).
    reminded_on         DATE          NULL,
    created_by          BIGINT        NOT NULL,
    created_at          DATETIME(3)   NOT NULL,
    updated_at          DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    KEY idx_project_task_project (project_id, status, id),
    KEY idx_project_task_due (due_date, status, id),
    KEY idx_project_task_team (owner_team_id, due_date),
    KEY idx_project_task_volunteer (owner_volunteer_id, due_date),
    CONSTRAINT chk_project_task_owner CHECK ((owner_team_id IS NULL) <> (owner_volunteer_id IS NULL)),
    CONSTRAINT fk_project_task_project FOREIGN KEY (project_id) REFERENCES project (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The trail: who created, rescheduled (from → to, with the reason), cancelled (reason) or completed a task.
CREATE TABLE project_task_log (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    task_id     BIGINT       NOT NULL,
    action      VARCHAR(16)  NOT NULL,
    actor_id    BIGINT       NOT NULL,
    detail      VARCHAR(300) NULL,
    logged_at   DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    KEY idx_project_task_log_task (task_id, id),
    CONSTRAINT fk_project_task_log_task FOREIGN KEY (task_id) REFERENCES project_task (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
