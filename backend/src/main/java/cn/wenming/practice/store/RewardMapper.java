package cn.wenming.practice.store;

import java.time.Instant;
import java.util.List;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * Rewards and the per-person counts. Stock and counts change only through guarded UPDATEs, so
 * MySQL refuses to oversell or exceed a limit whatever Redis said.
 */
@Mapper
interface RewardMapper extends BaseMapper<Reward> {

	default List<Reward> ofStation(long stationId) {
		return selectList(new LambdaQueryWrapper<Reward>().eq(Reward::getStationId, stationId)
			.eq(Reward::getStatus, RewardStatus.ACTIVE)
			.orderByAsc(Reward::getId));
	}

	/** Takes stock unless fewer are left: 0 rows means out of stock. */
	@Update("""
			UPDATE reward SET stock = stock - #{quantity}, version = version + 1, updated_at = #{now}
			WHERE id = #{id} AND stock >= #{quantity}
			""")
	int take(@Param("id") long id, @Param("quantity") int quantity, @Param("now") Instant now);

	/** Locks the reward row: transactions that change a reward and its orders take this lock first. */
	@Select("SELECT id FROM reward WHERE id = #{id} FOR UPDATE")
	Long lock(@Param("id") long id);

	/** Puts stock back (cancel, expiry) or adds it (restock). */
	@Update("UPDATE reward SET stock = stock + #{quantity}, version = version + 1, updated_at = #{now} WHERE id = #{id}")
	int give(@Param("id") long id, @Param("quantity") int quantity, @Param("now") Instant now);

	@Update("UPDATE reward SET status = 'WITHDRAWN', updated_at = #{now} WHERE id = #{id} AND status = 'ACTIVE'")
	int withdraw(@Param("id") long id, @Param("now") Instant now);

	/** Creates the user's count row if missing (exclusive lock, as points_account's). */
	@Insert("""
			INSERT INTO reward_user_count (reward_id, user_id, redeemed) VALUES (#{rewardId}, #{userId}, 0)
			ON DUPLICATE KEY UPDATE redeemed = redeemed
			""")
	int ensureCount(@Param("rewardId") long rewardId, @Param("userId") long userId);

	/** Counts a redemption unless it would pass the limit: 0 rows means the limit is reached. */
	@Update("""
			UPDATE reward_user_count SET redeemed = redeemed + #{quantity}
			WHERE reward_id = #{rewardId} AND user_id = #{userId} AND redeemed + #{quantity} <= #{limit}
			""")
	int count(@Param("rewardId") long rewardId, @Param("userId") long userId, @Param("quantity") int quantity,
			@Param("limit") int limit);

	@Update("""
			UPDATE reward_user_count SET redeemed = redeemed - #{quantity}
			WHERE reward_id = #{rewardId} AND user_id = #{userId} AND redeemed >= #{quantity}
			""")
	int uncount(@Param("rewardId") long rewardId, @Param("userId") long userId, @Param("quantity") int quantity);

	@Select("SELECT COALESCE(MAX(redeemed), 0) FROM reward_user_count WHERE reward_id = #{rewardId} AND user_id = #{userId}")
	int countOf(@Param("rewardId") long rewardId, @Param("userId") long userId);

	/** A user's count and the reward's stock, for checks and reconciling. */
	record UserCount(long userId, int redeemed) {
	}

	@Select("SELECT user_id, redeemed FROM reward_user_count WHERE reward_id = #{rewardId}")
	List<UserCount> countsOf(@Param("rewardId") long rewardId);

	@Select("SELECT id FROM reward WHERE id > #{after} ORDER BY id LIMIT #{limit}")
	List<Long> idsAfter(@Param("after") long after, @Param("limit") int limit);

}
