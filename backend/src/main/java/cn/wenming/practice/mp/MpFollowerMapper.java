package cn.wenming.practice.mp;

import java.math.BigDecimal;
import java.time.Instant;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * {@code mp_follower}: a follower's last shared location. Every write is one upsert, so WeChat's
 * retries and out-of-order deliveries are harmless: a location older than the stored one is ignored.
 */
@Mapper
interface MpFollowerMapper {

	/** Where a follower was last seen and when. */
	record Location(BigDecimal latitude, BigDecimal longitude, Instant locatedAt) {
	}

	/**
	 * Stores the location unless a newer one is already stored. MySQL and MariaDB apply the
	 * assignments left to right, so {@code located_at} is compared before it is replaced.
	 */
	@Insert("""
			INSERT INTO mp_follower (openid, subscribed, latitude, longitude, located_at, created_at, updated_at)
			VALUES (#{openid}, 1, #{latitude}, #{longitude}, #{at}, #{now}, #{now})
			ON DUPLICATE KEY UPDATE
			    latitude = IF(located_at IS NULL OR VALUES(located_at) >= located_at, VALUES(latitude), latitude),
			    longitude = IF(located_at IS NULL OR VALUES(located_at) >= located_at, VALUES(longitude), longitude),
			    located_at = IF(located_at IS NULL OR VALUES(located_at) >= located_at, VALUES(located_at), located_at),
			    subscribed = 1, updated_at = VALUES(updated_at)
			""")
	int recordLocation(@Param("openid") String openid, @Param("latitude") BigDecimal latitude,
			@Param("longitude") BigDecimal longitude, @Param("at") Instant at, @Param("now") Instant now);

	@Insert("""
			INSERT INTO mp_follower (openid, subscribed, subscribed_at, created_at, updated_at)
			VALUES (#{openid}, 1, #{now}, #{now}, #{now})
			ON DUPLICATE KEY UPDATE subscribed = 1, subscribed_at = VALUES(subscribed_at), updated_at = VALUES(updated_at)
			""")
	int subscribed(@Param("openid") String openid, @Param("now") Instant now);

	/** Unfollowing forgets the location: it was shared with the account, not with us for ever. */
	@Update("""
			UPDATE mp_follower SET subscribed = 0, latitude = NULL, longitude = NULL, located_at = NULL,
			       unsubscribed_at = #{now}, updated_at = #{now}
			WHERE openid = #{openid}
			""")
	int unsubscribed(@Param("openid") String openid, @Param("now") Instant now);

	@Select("""
			SELECT latitude, longitude, located_at FROM mp_follower
			WHERE openid = #{openid} AND subscribed = 1 AND latitude IS NOT NULL AND longitude IS NOT NULL
			""")
	Location location(@Param("openid") String openid);

}
