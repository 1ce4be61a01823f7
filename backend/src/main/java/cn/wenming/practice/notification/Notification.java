package cn.wenming.practice.notification;

import java.time.Instant;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/** One outbox row: a message to one user (see {@code V12__notification.sql}). */
@TableName("notification")
class Notification {
	@TableId(type = IdType.AUTO)
	private Long id;

	private NotificationKind kind;

	private Long userId;

	private String templateId;

	private String page;

	private String dataJson;

	private Long objectId;

	private String dedupeKey;

	private NotificationStatus status;

	private Integer attempts;

	private Boolean acceptanceTaken;

	private Instant nextAttemptAt;

	private Integer wxErrcode;

	private String lastError;

	private Instant sentAt;

	private Instant createdAt;

	private Instant updatedAt;

	public Long getId() {
		return this.id;
	}

	public void setId(Long id) {
		this.id = id;
	}

	public NotificationKind getKind() {
		return this.kind;
	}

	public void setKind(NotificationKind kind) {
		this.kind = kind;
	}

	public Long getUserId() {
		return this.userId;
	}

	public void setUserId(Long userId) {
		this.userId = userId;
	}

	public String getTemplateId() {
		return this.templateId;
	}

	public void setTemplateId(String templateId) {
		this.templateId = templateId;
	}

	public String getPage() {
		return this.page;
	}

	public void setPage(String page) {
		this.page = page;
	}

	public String getDataJson() {
		return this.dataJson;
	}

	public void setDataJson(String dataJson) {
		this.dataJson = dataJson;
	}

	public Long getObjectId() {
		return this.objectId;
	}

	public void setObjectId(Long objectId) {
		this.objectId = objectId;
	}

	public String getDedupeKey() {
		return this.dedupeKey;
	}

	public void setDedupeKey(String dedupeKey) {
		this.dedupeKey = dedupeKey;
	}

	public NotificationStatus getStatus() {
		return this.status;
	}

	public void setStatus(NotificationStatus status) {
		this.status = status;
	}

	public Integer getAttempts() {
		return this.attempts;
	}

	public void setAttempts(Integer attempts) {
		this.attempts = attempts;
	}

	public Boolean getAcceptanceTaken() {
		return this.acceptanceTaken;
	}

	public void setAcceptanceTaken(Boolean acceptanceTaken) {
		this.acceptanceTaken = acceptanceTaken;
	}

	public Instant getNextAttemptAt() {
		return this.nextAttemptAt;
	}

	public void setNextAttemptAt(Instant nextAttemptAt) {
		this.nextAttemptAt = nextAttemptAt;
	}

	public Integer getWxErrcode() {
		return this.wxErrcode;
	}

	public void setWxErrcode(Integer wxErrcode) {
		this.wxErrcode = wxErrcode;
	}

	public String getLastError() {
		return this.lastError;
	}

	public void setLastError(String lastError) {
		this.lastError = lastError;
	}

	public Instant getSentAt() {
		return this.sentAt;
	}

	public void setSentAt(Instant sentAt) {
		this.sentAt = sentAt;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public void setCreatedAt(Instant createdAt) {
		this.createdAt = createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public void setUpdatedAt(Instant updatedAt) {
		this.updatedAt = updatedAt;
	}

}
