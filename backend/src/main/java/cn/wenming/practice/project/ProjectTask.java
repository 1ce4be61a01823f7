package cn.wenming.practice.project;

import java.time.Instant;
import java.time.LocalDate;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/**
 * A task of a service project (服务清单 任务分解, see V44__project_task.sql): due on a date and owned by
 * exactly one team or one volunteer.
 */
@TableName("project_task")
class ProjectTask {

	@TableId(type = IdType.AUTO)
	Long id;

	Long projectId;

	String title;

	String description;

	LocalDate dueDate;

	Long ownerTeamId;

	Long ownerVolunteerId;

	ProjectTaskStatus status;

	Long completedBy;

	Instant completedAt;

	String note;

	String cancelReason;

	LocalDate remindedOn;

	Long createdBy;

	/** The creator's idempotency key and the digest of the request it came with (V65; see CreationKeys). */
	String idempotencyKey;

	String requestDigest;

	Instant createdAt;

	Instant updatedAt;

	public Long getId() {
		return this.id;
	}

	/** The read view; {@code today} (the county's date) decides whether an open task is overdue. */
	ProjectTaskView view(LocalDate today) {
		boolean team = this.ownerTeamId != null;
		return new ProjectTaskView(this.id, this.projectId, this.title, this.description, this.dueDate.toString(),
				this.status, team ? ProjectTaskView.OwnerKind.TEAM : ProjectTaskView.OwnerKind.VOLUNTEER,
				team ? this.ownerTeamId : this.ownerVolunteerId,
				this.status == ProjectTaskStatus.OPEN && this.dueDate.isBefore(today), this.completedAt,
				this.completedBy, this.note, this.cancelReason, this.createdAt);
	}

}
