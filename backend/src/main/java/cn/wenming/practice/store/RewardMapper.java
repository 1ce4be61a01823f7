package cn.wenming.practice.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import cn.wenming.practice.shared.CreationKeys;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * Rewards, their stock shards and the per-person counts. Stock and counts change only through
 * guarded UPDATEs, so MySQL refuses to oversell or exceed a limit whatever Redis said.
 */
@Mapper
interface RewardMapper extends BaseMapper<Reward> {

	/** What this creator made with this idempotency key, if anything. */
	@Select("SELECT id, request_digest FROM reward WHERE created_by = #{creator} AND idempotency_key = #{key}")
	CreationKeys.Earlier findByKey(@Param("creator") long creator, @Param("key") String key);

	/** A reward with its stock: the sum of its shards, in the same consistent read. */
	String WITH_STOCK = """
			SELECT r.*, (SELECT COALESCE(SUM(s.stock), 0) FROM reward_stock s WHERE s.reward_id = r.id) AS stock
			FROM reward r
			""";

	@Select(WITH_STOCK + "WHERE r.id = #{id}")
	Reward find(@Param("id") long id);

	@Select({ "<script>", WITH_STOCK, "WHERE r.id IN",
			"<foreach collection='ids' item='id' open='(' separator=',' close=')'>#{id}</foreach>", "</script>" })
	List<Reward> findAll(@Param("ids") Collection<Long> ids);

	@Select(WITH_STOCK + "WHERE r.station_id = #{stationId} AND r.status = 'ACTIVE' ORDER BY r.id")
	List<Reward> ofStation(@Param("stationId") long stationId);

	/** On offer first, then withdrawn, each by id. */
	@Select(WITH_STOCK + "WHERE r.station_id = #{stationId} ORDER BY CASE WHEN r.status = 'ACTIVE' THEN 0 ELSE 1 END, r.id")
	List<Reward> allOfStation(@Param("stationId") long stationId);

	/** One shard of a reward's stock (see V33__reward_stock_shards.sql). */
	record Shard(int shard, int stock) {
	}

	/** The reward's stock and stock version (sums over its shards), from one consistent read. */
	record StockLevel(long stock, long version) {
	}

	@Insert({ "<script>", "INSERT INTO reward_stock (reward_id, shard, stock, version) VALUES",
			"<foreach collection='stocks' item='stock' index='shard' separator=','>(#{rewardId}, #{shard}, #{stock}, 0)</foreach>",
			"</script>" })
	int insertShards(@Param("rewardId") long rewardId, @Param("stocks") List<Integer> stocks);

	@Select("""
			SELECT CAST(COALESCE(SUM(stock), 0) AS SIGNED) AS stock, CAST(COALESCE(SUM(version), 0) AS SIGNED) AS version
			FROM reward_stock WHERE reward_id = #{rewardId}
			""")
	StockLevel stockLevel(@Param("rewardId") long rewardId);

	/** The shards as a plain (non-locking) read: where a redemption will probably find stock. */
	@Select("SELECT shard, stock FROM reward_stock WHERE reward_id = #{rewardId} ORDER BY shard")
	List<Shard> shards(@Param("rewardId") long rewardId);

	/** Locks every shard of the reward, in shard order (the one order any multi-shard change takes them in). */
	@Select("SELECT shard, stock FROM reward_stock WHERE reward_id = #{rewardId} ORDER BY shard FOR UPDATE")
	List<Shard> lockShards(@Param("rewardId") long rewardId);

	/** Takes stock from one shard unless fewer are left there: 0 rows means look elsewhere. */
	@Update("""
			UPDATE reward_stock SET stock = stock - #{quantity}, version = version + 1
			WHERE reward_id = #{rewardId} AND shard = #{shard} AND stock >= #{quantity}
			""")
	int takeFrom(@Param("rewardId") long rewardId, @Param("shard") int shard, @Param("quantity") int quantity);

	/** Puts stock back into one shard (cancel, expiry). */
	@Update("""
			UPDATE reward_stock SET stock = stock + #{quantity}, version = version + 1
			WHERE reward_id = #{rewardId} AND shard = #{shard}
			""")
	int giveTo(@Param("rewardId") long rewardId, @Param("shard") int shard, @Param("quantity") int quantity);

	/** Adds stock spread evenly over the reward's {@code shards} shards (restock); one statement, shard order. */
	@Update("""
			UPDATE reward_stock
			SET stock = stock + FLOOR(#{quantity} / #{shards}) + CASE WHEN shard < MOD(#{quantity}, #{shards}) THEN 1 ELSE 0 END,
			    version = version + 1
			WHERE reward_id = #{rewardId}
			""")
	int spread(@Param("rewardId") long rewardId, @Param("quantity") int quantity, @Param("shards") int shards);

	@Update("UPDATE reward SET status = 'WITHDRAWN', updated_at = #{now} WHERE id = #{id} AND status = 'ACTIVE'")
	int withdraw(@Param("id") long id, @Param("now") Instant now);

	/** Creates the user's count row if missing (exclusive lock, as points_account's). */
	@Insert("""
			INSERT INTO reward_user_count (reward_id, user_id, redeemed) VALUES (#{rewardId}, #{userId}, 0)
			ON DUPLICATE KEY UPDATE redeemed = redeemed
			""")
	int ensureCount(@Param("rewardId") long rewardId, @Param("userId") long userId);

	/**
	 * A user's first count of the reward, with the quantity of their first redemption (which the
	 * caller checked against the limit); a duplicate key when the row exists.
	 */
	@Insert("INSERT INTO reward_user_count (reward_id, user_id, redeemed) VALUES (#{rewardId}, #{userId}, #{quantity})")
	int insertCount(@Param("rewardId") long rewardId, @Param("userId") long userId, @Param("quantity") int quantity);

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
