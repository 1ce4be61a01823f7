package cn.wenming.practice.points;

import java.time.Instant;
import java.util.List;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/**
 * The ledger. Only inserts and reads: there is deliberately no update or delete here (corrections
 * are {@link PointsType#REVERSAL} entries), and nothing else in the code writes this table.
 */
@Mapper
interface PointsEntryMapper extends BaseMapper<PointsEntry> {

	/** The entry an award or reversal already made, or null. */
	default PointsEntry findByBusiness(PointsType type, String businessId, long userId) {
		return selectOne(new LambdaQueryWrapper<PointsEntry>().eq(PointsEntry::getBusinessType, type.name())
			.eq(PointsEntry::getBusinessId, businessId)
			.eq(PointsEntry::getUserId, userId));
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
	 * reversed award does not count as earned).
	 */
	@Select("""
			SELECT COALESCE(SUM(e.delta), 0) FROM points_entry e
			LEFT JOIN points_entry o ON e.business_type = 'REVERSAL' AND o.id = CAST(e.business_id AS UNSIGNED)
			WHERE e.user_id = #{userId} AND e.created_at >= #{from}
			  AND (e.business_type IN ('ACTIVITY_HOURS', 'NEED_COMPLETED', 'RATING_BONUS')
			       OR o.business_type IN ('ACTIVITY_HOURS', 'NEED_COMPLETED', 'RATING_BONUS'))
			""")
	long earnedSince(@Param("userId") long userId, @Param("from") Instant from);

	/** Users whose account balance differs from the sum of their ledger (should be none). */
	@Select("""
			SELECT a.user_id FROM points_account a
			LEFT JOIN (SELECT user_id, SUM(delta) AS total FROM points_entry GROUP BY user_id) e ON e.user_id = a.user_id
			WHERE a.balance <> COALESCE(e.total, 0)
			ORDER BY a.user_id LIMIT 1000
			""")
	List<Long> driftedAccounts();

	/** Σ deltas of a user's ledger: what the account balance must equal (for checks and reconciling). */
	@Select("SELECT COALESCE(SUM(delta), 0) FROM points_entry WHERE user_id = #{userId}")
	long sumOfUser(@Param("userId") long userId);

}
