package cn.wenming.practice.points;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** The trail of accounts set back to their ledger (V22 {@code points_repair}); insert-only. */
@Mapper
interface PointsRepairMapper {

	/** One repair: the account before and after, who ran it (null: the schedule). */
	record Repair(long userId, int balanceBefore, int balanceAfter, int debtBefore, int debtAfter, Long operatorId,
			Instant createdAt) {
	}

	@Insert("""
			INSERT INTO points_repair (user_id, balance_before, balance_after, debt_before, debt_after, operator_id, created_at)
			VALUES (#{r.userId}, #{r.balanceBefore}, #{r.balanceAfter}, #{r.debtBefore}, #{r.debtAfter}, #{r.operatorId},
			        #{r.createdAt})
			""")
	int insert(@Param("r") Repair repair);

	/** A recorded repair, as {@code pointsRepairs} lists it. */
	record Recorded(long id, long userId, int balanceBefore, int balanceAfter, int debtBefore, int debtAfter,
			Long operatorId, Instant createdAt) {
	}

	/** Newest first, keyset by id (the primary key). */
	@Select("""
			<script>
			SELECT id, user_id, balance_before, balance_after, debt_before, debt_after, operator_id, created_at
			FROM points_repair
			<if test="beforeId != null">WHERE id &lt; #{beforeId}</if>
			ORDER BY id DESC LIMIT #{limit}
			</script>
			""")
	List<Recorded> page(@Param("beforeId") Long beforeId, @Param("limit") int limit);

	@Select("SELECT COUNT(*) FROM points_repair WHERE user_id = #{userId}")
	int countOfUser(@Param("userId") long userId);

}
