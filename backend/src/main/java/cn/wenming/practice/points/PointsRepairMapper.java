package cn.wenming.practice.points;

import java.time.Instant;

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

	@Select("SELECT COUNT(*) FROM points_repair WHERE user_id = #{userId}")
	int countOfUser(@Param("userId") long userId);

}
