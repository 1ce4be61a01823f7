package cn.wenming.practice.points;

import java.util.Collection;
import java.util.List;

import cn.wenming.practice.shared.PeriodKeys;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.springframework.stereotype.Component;

/**
 * Points earned per user in a period, for rankings, read from the rollup ({@code points_rollup},
 * never the ledger). "Earned" is the rule of {@code earnedThisYear}: earning entries (activity
 * hours, completed needs, rating bonuses) plus the reversals of earning entries (in full, {@code
 * delta − debt_change}, also when part of it became debt), each in the period of its own time;
 * redemptions, refunds, adjustments, expiry and debt repayments do not count. Only users with a
 * positive total are returned. Every read is bounded (a page, a key, an index range) and has a
 * statement timeout ({@link #TIMEOUT_SECONDS}): a slow database answers an error, it does not hold
 * a connection.
 */
@Component
public class PointsStandings {

	/** The JDBC query timeout of every read here (MySQL and MariaDB alike: the driver kills the query). */
	public static final int TIMEOUT_SECONDS = 5;

	private final PointsStandingsMapper mapper;

	PointsStandings(PointsStandingsMapper mapper) {
		this.mapper = mapper;
	}

	/** One user's points earned in the period. */
	public record Earned(long userId, long points) {
	}

	/** Earned points of these users in the period (one statement; empty → nothing). */
	public List<Earned> earned(PeriodKeys.Period period, String value, Collection<Long> userIds) {
		if (userIds.isEmpty()) {
			return List.of();
		}
		return this.mapper.ofUsers(period.name(), value, userIds);
	}

	/**
	 * Earners of the period with user ids in {@code [fromUserId, toUserId]}: one range of the primary
	 * key, for a page of members whose ids are dense (a county's volunteers, read by user id).
	 */
	public List<Earned> earnedBetween(PeriodKeys.Period period, String value, long fromUserId, long toUserId) {
		return this.mapper.between(period.name(), value, fromUserId, toUserId);
	}

	/** Up to {@code limit} earners of the period with user ids above {@code afterUserId}, by user id (a page of a build). */
	public List<Earned> page(PeriodKeys.Period period, String value, long afterUserId, int limit) {
		return this.mapper.page(period.name(), value, afterUserId, limit);
	}

	/** The {@code limit} highest earners of the period, highest first (ties in no particular order). */
	public List<Earned> top(PeriodKeys.Period period, String value, int limit) {
		return this.mapper.top(period.name(), value, limit);
	}

	/** Up to {@code limit} earners of exactly {@code points} in the period, by ascending user id. */
	public List<Earned> tiedAt(PeriodKeys.Period period, String value, long points, int limit) {
		return this.mapper.tiedAt(period.name(), value, points, limit);
	}

	/** How many users earned more than {@code points} in the period (an index range count). */
	public long countAbove(PeriodKeys.Period period, String value, long points) {
		return this.mapper.countAbove(period.name(), value, points);
	}

	@Mapper
	interface PointsStandingsMapper {

		@Select("""
				<script>
				SELECT user_id, earned AS points FROM points_rollup
				WHERE period = #{period} AND period_value = #{value} AND earned &gt; 0
				  AND user_id IN <foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach>
				</script>
				""")
		@Options(timeout = TIMEOUT_SECONDS)
		List<Earned> ofUsers(@Param("period") String period, @Param("value") String value,
				@Param("ids") Collection<Long> ids);

		@Select("""
				SELECT user_id, earned AS points FROM points_rollup
				WHERE period = #{period} AND period_value = #{value} AND user_id > #{after} AND earned > 0
				ORDER BY user_id LIMIT #{limit}
				""")
		@Options(timeout = TIMEOUT_SECONDS)
		List<Earned> page(@Param("period") String period, @Param("value") String value, @Param("after") long after,
				@Param("limit") int limit);

		@Select("""
				SELECT user_id, earned AS points FROM points_rollup
				WHERE period = #{period} AND period_value = #{value} AND user_id BETWEEN #{from} AND #{to} AND earned > 0
				""")
		@Options(timeout = TIMEOUT_SECONDS)
		List<Earned> between(@Param("period") String period, @Param("value") String value, @Param("from") long from,
				@Param("to") long to);

		@Select("""
				SELECT user_id, earned AS points FROM points_rollup
				WHERE period = #{period} AND period_value = #{value} AND earned > 0
				ORDER BY earned DESC LIMIT #{limit}
				""")
		@Options(timeout = TIMEOUT_SECONDS)
		List<Earned> top(@Param("period") String period, @Param("value") String value, @Param("limit") int limit);

		@Select("""
				SELECT user_id, earned AS points FROM points_rollup
				WHERE period = #{period} AND period_value = #{value} AND earned = #{points}
				ORDER BY user_id LIMIT #{limit}
				""")
		@Options(timeout = TIMEOUT_SECONDS)
		List<Earned> tiedAt(@Param("period") String period, @Param("value") String value,
				@Param("points") long points, @Param("limit") int limit);

		@Select("""
				SELECT COUNT(*) FROM points_rollup
				WHERE period = #{period} AND period_value = #{value} AND earned > #{points}
				""")
		@Options(timeout = TIMEOUT_SECONDS)
		long countAbove(@Param("period") String period, @Param("value") String value, @Param("points") long points);

	}

}
