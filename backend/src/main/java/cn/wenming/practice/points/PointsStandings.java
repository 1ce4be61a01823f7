package cn.wenming.practice.points;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.springframework.stereotype.Component;

/**
 * Points earned per user over a time window, for rankings. "Earned" is the rule of
 * {@code earnedThisYear}: earning entries (activity hours, completed needs, rating bonuses) plus
 * the reversals of earning entries (in full, {@code delta − debt_change}, also when part of it
 * became debt), each in the window of its own time; redemptions, refunds, adjustments, expiry and
 * debt repayments do not count. Only users with a positive total are returned.
 */
@Component
public class PointsStandings {

	private final PointsStandingsMapper mapper;

	PointsStandings(PointsStandingsMapper mapper) {
		this.mapper = mapper;
	}

	/** One user's points earned in the window. */
	public record Earned(long userId, long points) {
	}

	/**
	 * Earned points in {@code [from, to)} grouped by user, in one statement; {@code userIds} null for
	 * everybody, else only those users (empty → nothing).
	 */
	public List<Earned> earned(Instant from, Instant to, Collection<Long> userIds) {
		if (userIds != null && userIds.isEmpty()) {
			return List.of();
		}
		return this.mapper.earned(from, to, userIds);
	}

	@Mapper
	interface PointsStandingsMapper {

		@Select("""
				<script>
				SELECT e.user_id, SUM(e.delta - e.debt_change) AS points FROM points_entry e
				LEFT JOIN points_entry o ON e.business_type = 'REVERSAL' AND o.id = CAST(e.business_id AS UNSIGNED)
				WHERE e.created_at &gt;= #{from} AND e.created_at &lt; #{to}
				  AND (e.business_type IN ('ACTIVITY_HOURS', 'NEED_COMPLETED', 'RATING_BONUS')
				       OR o.business_type IN ('ACTIVITY_HOURS', 'NEED_COMPLETED', 'RATING_BONUS'))
				<if test="ids != null">
				  AND e.user_id IN <foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach>
				</if>
				GROUP BY e.user_id HAVING SUM(e.delta - e.debt_change) &gt; 0
				</script>
				""")
		List<Earned> earned(@Param("from") Instant from, @Param("to") Instant to, @Param("ids") Collection<Long> ids);

	}

}
