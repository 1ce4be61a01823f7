package cn.wenming.practice.points;

import java.time.Instant;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The per-user balance row. Plain SQL: every write is a guarded or race-free statement. */
@Mapper
interface PointsAccountMapper {

	/**
	 * Creates the account row if missing. ON DUPLICATE KEY UPDATE (not INSERT IGNORE) because it
	 * takes an exclusive lock on an existing row: INSERT IGNORE's shared lock followed by the
	 * balance UPDATE would deadlock two concurrent entries of one user.
	 */
	@Insert("""
			INSERT INTO points_account (user_id, balance, version, created_at, updated_at)
			VALUES (#{userId}, 0, 0, #{now}, #{now})
			ON DUPLICATE KEY UPDATE user_id = user_id
			""")
	int ensure(@Param("userId") long userId, @Param("now") Instant now);

	/**
	 * Applies a balance and a debt change unless either would go below zero: 0 rows means refused.
	 * The WHERE sees the values before the change (MySQL and MariaDB alike).
	 */
	@Update("""
			UPDATE points_account SET balance = balance + #{delta}, debt = debt + #{debtChange},
			       version = version + 1, updated_at = #{now}
			WHERE user_id = #{userId} AND balance + #{delta} >= 0 AND debt + #{debtChange} >= 0
			""")
	int apply(@Param("userId") long userId, @Param("delta") int delta, @Param("debtChange") int debtChange,
			@Param("now") Instant now);

	@Select("SELECT balance, version FROM points_account WHERE user_id = #{userId}")
	PointsBalance find(@Param("userId") long userId);

	/** The whole row under its lock (the caller's transaction holds it until it ends). */
	@Select("SELECT user_id, balance, debt, version FROM points_account WHERE user_id = #{userId} FOR UPDATE")
	PointsAccount lock(@Param("userId") long userId);

	@Select("SELECT user_id, balance, debt, version FROM points_account WHERE user_id = #{userId}")
	PointsAccount findAccount(@Param("userId") long userId);

	/** Sets a drifted account back to its ledger's sums (the reconciler's repair; recorded by the caller). */
	@Update("""
			UPDATE points_account SET balance = #{balance}, debt = #{debt}, version = version + 1, updated_at = #{now}
			WHERE user_id = #{userId}
			""")
	int repair(@Param("userId") long userId, @Param("balance") int balance, @Param("debt") int debt,
			@Param("now") Instant now);

}
