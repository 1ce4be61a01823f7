package cn.wenming.practice.activity;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.springframework.stereotype.Component;

/**
 * Read-only view of activities that are open for sign-up, for features that point people at them
 * (the public account's replies and menu). "Open" means PUBLISHED, not started yet and before the
 * sign-up deadline; drafts and everything else never leave this class.
 */
@Component
public class UpcomingActivities {

	private final UpcomingMapper mapper;

	private final NearbyActivityIndex index;

	UpcomingActivities(UpcomingMapper mapper, NearbyActivityIndex index) {
		this.mapper = mapper;
		this.index = index;
	}

	/** What a follower is shown of an activity. */
	public record Upcoming(long id, String title, Instant startsAt, String address, long orgUnitId) {
	}

	/**
	 * The next {@code limit} open activities within {@code radiusMeters} of a point, soonest first
	 * (ties by id). Candidates come from the nearby index (which answers from MySQL when Redis
	 * cannot); MySQL then decides which are still open, so a stale index entry is never shown.
	 */
	public List<Upcoming> near(double latitude, double longitude, int radiusMeters, Instant now, int limit) {
		List<Long> ids = this.index.search(latitude, longitude, radiusMeters, ActivityService.NEARBY_CANDIDATES)
			.stream()
			.map(NearbyActivityIndex.Hit::activityId)
			.toList();
		return (ids.isEmpty() || limit <= 0) ? List.of() : this.mapper.openAmong(ids, now, limit);
	}

	/** The next {@code limit} open activities anywhere, soonest first: the county-wide answer. */
	public List<Upcoming> next(Instant now, int limit) {
		return (limit <= 0) ? List.of() : this.mapper.openNext(now, limit);
	}

	/** The activity if it is PUBLISHED (recruiting), whatever its deadline; else empty. */
	public Optional<Upcoming> published(long id) {
		return Optional.ofNullable(this.mapper.published(id));
	}

	/** Whether an activity with this id exists at all (in any state). */
	public boolean exists(long id) {
		return this.mapper.count(id) > 0;
	}

	@Mapper
	interface UpcomingMapper {

		@Select("""
				<script>
				SELECT id, title, starts_at, address, org_unit_id FROM activity
				WHERE id IN <foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach>
				  AND status = 'PUBLISHED' AND starts_at &gt; #{now} AND sign_up_deadline &gt; #{now}
				ORDER BY starts_at, id
				LIMIT #{limit}
				</script>
				""")
		List<Upcoming> openAmong(@Param("ids") Collection<Long> ids, @Param("now") Instant now,
				@Param("limit") int limit);

		@Select("""
				SELECT id, title, starts_at, address, org_unit_id FROM activity
				WHERE status = 'PUBLISHED' AND starts_at > #{now} AND sign_up_deadline > #{now}
				ORDER BY starts_at, id
				LIMIT #{limit}
				""")
		List<Upcoming> openNext(@Param("now") Instant now, @Param("limit") int limit);

		@Select("SELECT id, title, starts_at, address, org_unit_id FROM activity WHERE id = #{id} AND status = 'PUBLISHED'")
		Upcoming published(@Param("id") long id);

		@Select("SELECT COUNT(*) FROM activity WHERE id = #{id}")
		int count(@Param("id") long id);

	}

}
