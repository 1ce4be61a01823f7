package cn.wenming.practice.store;

import java.time.Instant;
import java.util.List;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

/** Redemption orders; every state change is guarded on the state it leaves, so one racer wins. */
@Mapper
interface RedemptionMapper extends BaseMapper<Redemption> {

	/**
	 * The claim that starts every redemption: a fixed statement rather than the generic insert, which
	 * builds its column list per call (an OGNL test per column) on the redemption's hot path.
	 */
	@Insert("""
			INSERT INTO redemption (user_id, reward_id, station_id, quantity, points, idempotency_key, request_hash,
			                        status, created_at, updated_at)
			VALUES (#{userId}, #{rewardId}, #{stationId}, #{quantity}, #{points}, #{idempotencyKey}, #{requestHash},
			        #{status}, #{createdAt}, #{updatedAt})
			""")
	@Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
	int insertClaim(Redemption claim);

	default Redemption findByKey(long userId, String idempotencyKey) {
		return selectOne(new LambdaQueryWrapper<Redemption>().eq(Redemption::getUserId, userId)
			.eq(Redemption::getIdempotencyKey, idempotencyKey));
	}

	default Redemption findByPickupCode(String code) {
		return selectOne(new LambdaQueryWrapper<Redemption>().eq(Redemption::getPickupCode, code));
	}

	/** A user's orders (not the in-flight claims), newest first, older than {@code beforeId} when given. */
	default List<Redemption> pageOfUser(long userId, Long beforeId, int limit) {
		return selectList(new LambdaQueryWrapper<Redemption>().eq(Redemption::getUserId, userId)
			.ne(Redemption::getStatus, RedemptionStatus.PENDING)
			.lt(beforeId != null, Redemption::getId, beforeId)
			.orderByDesc(Redemption::getId)
			.last("LIMIT " + limit));
	}

	/**
	 * A station's orders (not the in-flight claims), newest first, optionally of one status and placed in
	 * [from, to); uses idx_redemption_station (V29).
	 */
	default List<Redemption> pageOfStation(long stationId, RedemptionStatus status, Instant from, Instant to,
			Long beforeId, int limit) {
		return selectList(new LambdaQueryWrapper<Redemption>().eq(Redemption::getStationId, stationId)
			.ne(Redemption::getStatus, RedemptionStatus.PENDING)
			.eq(status != null, Redemption::getStatus, status)
			.ge(from != null, Redemption::getCreatedAt, from)
			.lt(to != null, Redemption::getCreatedAt, to)
			.lt(beforeId != null, Redemption::getId, beforeId)
			.orderByDesc(Redemption::getId)
			.last("LIMIT " + limit));
	}

	default List<Redemption> expiredIssued(Instant now, int limit) {
		return selectList(new LambdaQueryWrapper<Redemption>().eq(Redemption::getStatus, RedemptionStatus.ISSUED)
			.le(Redemption::getExpiresAt, now)
			.orderByAsc(Redemption::getId)
			.last("LIMIT " + limit));
	}

	/** Claims left PENDING by a request that died before finishing. */
	default List<Redemption> stalePending(Instant before, int limit) {
		return selectList(new LambdaQueryWrapper<Redemption>().eq(Redemption::getStatus, RedemptionStatus.PENDING)
			.lt(Redemption::getCreatedAt, before)
			.orderByAsc(Redemption::getId)
			.last("LIMIT " + limit));
	}

	@Update("""
			UPDATE redemption SET status = 'ISSUED', pickup_code = #{code}, expires_at = #{expiresAt}, updated_at = #{now}
			WHERE id = #{id} AND status = 'PENDING'
			""")
	int issue(@Param("id") long id, @Param("code") String code, @Param("expiresAt") Instant expiresAt,
			@Param("now") Instant now);

	@Update("""
			UPDATE redemption SET status = 'FULFILLED', fulfilled_by = #{by}, fulfilled_at = #{now}, updated_at = #{now}
			WHERE id = #{id} AND status = 'ISSUED' AND expires_at > #{now}
			""")
	int fulfil(@Param("id") long id, @Param("by") long by, @Param("now") Instant now);

	/** ISSUED → CANCELLED or EXPIRED; 0 rows: someone else moved it first. */
	@Update("""
			UPDATE redemption SET status = #{to}, cancelled_at = #{now}, updated_at = #{now}
			WHERE id = #{id} AND status = 'ISSUED'
			""")
	int close(@Param("id") long id, @Param("to") RedemptionStatus to, @Param("now") Instant now);

	/** Releases a claim whose request failed, so nothing of it remains and the key may be used again. */
	@Delete("DELETE FROM redemption WHERE id = #{id} AND status = 'PENDING'")
	int release(@Param("id") long id);

}
