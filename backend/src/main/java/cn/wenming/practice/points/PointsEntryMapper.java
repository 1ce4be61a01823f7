package cn.wenming.practice.points;

import java.time.Instant;
import java.util.List;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/**
 * The ledger. Only inserts and reads: there is deliberately no update or delete here (corrections
 * are {@link PointsType#REVERSAL} entries), and nothing else in the code writes this table.
 */
@Mapper
interface PointsEntryMapper extends BaseMapper<PointsEntry> {

	/**
	 * Every ledger line goes in through this fixed statement rather than the generic insert, which
	 * builds its column list per call (an OGNL test per column): it is on the path of every award and
	 * redemption.
	 */
	@Insert("""
			INSERT INTO points_entry (user_id, delta, balance_after, debt_change, debt_after, business_type, business_id,
			                          reason, operator_id, created_at)
			VALUES (#{userId}, #{delta}, #{balanceAfter}, #{debtChange}, #{debtAfter}, #{businessType}, #{businessId},
			        #{reason}, #{operatorId}, #{createdAt})
			""")
	@Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
	int append(PointsEntry entry);

	/** The entry an award or reversal already made, or null. */
	default PointsEntry findByBusiness(PointsType type, String businessId, long userId) {
		return selectOne(new LambdaQueryWrapper<PointsEntry>().eq(PointsEntry::getBusinessType, type.name())
			.eq(PointsEntry::getBusinessId, businessId)
			.eq(PointsEntry::getUserId, userId));
	}

	/** The adjustment made with an idempotency key, for whichever user (the oldest if several), or null. */
	default PointsEntry findAdjustment(String idempotencyKey) {
		return selectOne(new LambdaQueryWrapper<PointsEntry>().eq(PointsEntry::getBusinessType, PointsType.ADJUSTMENT.name())
			.eq(PointsEntry::getBusinessId, idempotencyKey)
			.orderByAsc(PointsEntry::getId)
			.last("LIMIT 1"));
	}

	/** A user's entries, newest first, strictly older than {@code beforeId} when given. */
	default List<PointsEntry> pageOfUser(long userId, Long beforeId, int limit) {
		return selectList(new LambdaQueryWrapper<PointsEntry>().eq(PointsEntry::getUserId, userId)
			.lt(beforeId != null, PointsEntry::getId, beforeId)
			.orderByDesc(PointsEntry::getId)
			.last("LIMIT " + limit));
	}

	/**
	 * Points earned since {@code from}: earning entries plus the reversals of earning entries (a
	 * reversed award does not count as earned). A reversal counts in full, {@code delta −
	 * debt_change}: what it took from the balance and what it left as debt; the later repayments
	 * of that debt are not counted again.
	 */
	@Select("""
			SELECT COALESCE(SUM(e.delta - e.debt_change), 0) FROM points_entry e
			LEFT JOIN points_entry o ON e.business_type = 'REVERSAL' AND o.id = CAST(e.business_id AS UNSIGNED)
			WHERE e.user_id = #{userId} AND e.created_at >= #{from}
			  AND (e.business_type IN ('ACTIVITY_HOURS', 'NEED_COMPLETED', 'RATING_BONUS')
			       OR o.business_type IN ('ACTIVITY_HOURS', 'NEED_COMPLETED', 'RATING_BONUS'))
			""")
	long earnedSince(@Param("userId") long userId, @Param("from") Instant from);

	/**
	 * Users whose account differs from the sums of their ledger, balance or debt (should be none),
	 * after {@code afterUserId}, in user order.
	 */
	@Select("""
			SELECT a.user_id FROM points_account a
			LEFT JOIN (SELECT user_id, SUM(delta) AS total, SUM(debt_change) AS owed FROM points_entry GROUP BY user_id) e
			  ON e.user_id = a.user_id
			WHERE a.user_id > #{after} AND (a.balance <> COALESCE(e.total, 0) OR a.debt <> COALESCE(e.owed, 0))
			ORDER BY a.user_id LIMIT #{limit}
			""")
	List<Long> driftedAccounts(@Param("after") long afterUserId, @Param("limit") int limit);

	/** Of the given entry ids, those already reversed (their reversal names them as business id). */
	default List<String> reversedAmong(java.util.Collection<String> entryIds) {
		return entryIds.isEmpty() ? List.of()
				: selectList(new LambdaQueryWrapper<PointsEntry>().select(PointsEntry::getBusinessId)
					.eq(PointsEntry::getBusinessType, PointsType.REVERSAL.name())
					.in(PointsEntry::getBusinessId, entryIds)).stream().map(PointsEntry::getBusinessId).toList();
	}

	/** Σ deltas of a user's ledger: what the account balance must equal (for checks and reconciling). */
	@Select("SELECT COALESCE(SUM(delta), 0) FROM points_entry WHERE user_id = #{userId}")
	long sumOfUser(@Param("userId") long userId);

	/** Σ debt changes of a user's ledger: what the account's debt must equal. */
	@Select("SELECT COALESCE(SUM(debt_change), 0) FROM points_entry WHERE user_id = #{userId}")
	long debtOfUser(@Param("userId") long userId);

}
