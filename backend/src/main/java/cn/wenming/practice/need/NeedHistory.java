package cn.wenming.practice.need;

import java.time.Instant;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/** One transition of a need, a row of its timeline; GraphQL {@code NeedTransition}. */
@TableName("need_history")
class NeedHistory {

	@TableId(type = IdType.AUTO)
	private Long id;

	private Long needId;

	private NeedStatus fromStatus;

	private NeedStatus toStatus;

	/** Null for a plain move; {@link NeedTransitionKind#REVISIT} for a 回访. */
	private NeedTransitionKind kind;

	private Long actorUserId;

	private String note;

	private Instant createdAt;

	public Long getId() {
		return this.id;
	}

	public void setId(Long id) {
		this.id = id;
	}

	public Long getNeedId() {
		return this.needId;
	}

	public void setNeedId(Long needId) {
		this.needId = needId;
	}

	public NeedStatus getFromStatus() {
		return this.fromStatus;
	}

	public void setFromStatus(NeedStatus fromStatus) {
		this.fromStatus = fromStatus;
	}

	public NeedStatus getToStatus() {
		return this.toStatus;
	}

	public void setToStatus(NeedStatus toStatus) {
		this.toStatus = toStatus;
	}

	public NeedTransitionKind getKind() {
		return this.kind;
	}

	public void setKind(NeedTransitionKind kind) {
		this.kind = kind;
	}

	public Long getActorUserId() {
		return this.actorUserId;
	}

	public void setActorUserId(Long actorUserId) {
		this.actorUserId = actorUserId;
	}

	public String getNote() {
		return this.note;
	}

	public void setNote(String note) {
		this.note = note;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public void setCreatedAt(Instant createdAt) {
		this.createdAt = createdAt;
	}
}
