package cn.wenming.practice.points;

import java.time.Instant;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/** One ledger line (see V9__points.sql, V22__points_debt.sql); GraphQL {@code PointsEntry}. Written once, never changed. */
@TableName("points_entry")
class PointsEntry {

	@TableId(type = IdType.AUTO)
	private Long id;

	private Long userId;

	private Integer delta;

	private Integer balanceAfter;

	/** How this entry changed the debt: + when a reversal found the points spent, − when repaid. */
	private Integer debtChange;

	private Integer debtAfter;

	private PointsType businessType;

	private String businessId;

	private String reason;

	private Long operatorId;

	private Instant createdAt;

	public Long getId() {
		return this.id;
	}

	public void setId(Long id) {
		this.id = id;
	}

	public Long getUserId() {
		return this.userId;
	}

	public void setUserId(Long userId) {
		this.userId = userId;
	}

	public Integer getDelta() {
		return this.delta;
	}

	public void setDelta(Integer delta) {
		this.delta = delta;
	}

	public Integer getBalanceAfter() {
		return this.balanceAfter;
	}

	public void setBalanceAfter(Integer balanceAfter) {
		this.balanceAfter = balanceAfter;
	}

	public Integer getDebtChange() {
		return this.debtChange;
	}

	public void setDebtChange(Integer debtChange) {
		this.debtChange = debtChange;
	}

	public Integer getDebtAfter() {
		return this.debtAfter;
	}

	public void setDebtAfter(Integer debtAfter) {
		this.debtAfter = debtAfter;
	}

	public PointsType getBusinessType() {
		return this.businessType;
	}

	public void setBusinessType(PointsType businessType) {
		this.businessType = businessType;
	}

	public String getBusinessId() {
		return this.businessId;
	}

	public void setBusinessId(String businessId) {
		this.businessId = businessId;
	}

	public String getReason() {
		return this.reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}

	public Long getOperatorId() {
		return this.operatorId;
	}

	public void setOperatorId(Long operatorId) {
		this.operatorId = operatorId;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public void setCreatedAt(Instant createdAt) {
		this.createdAt = createdAt;
	}

}
