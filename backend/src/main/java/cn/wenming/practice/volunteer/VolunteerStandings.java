package cn.wenming.practice.volunteer;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.springframework.stereotype.Component;

/**
 * What a ranking needs of volunteers, by user id, in one query: the home station (for the
 * org scope of a board) and the real name. The name is only for a board that shows it either masked
 * ({@code 张*}) or, when the volunteer opted in, as is; it must not be returned anywhere else.
 */
@Component
public class VolunteerStandings {

	/** The JDBC query timeout of the paged reads a board build makes. */
	static final int TIMEOUT_SECONDS = 5;

	private final VolunteerMapper volunteers;

	private final MembersMapper members;

	VolunteerStandings(VolunteerMapper volunteers, MembersMapper members) {
		this.volunteers = volunteers;
		this.members = members;
	}

	/** A volunteer of a subtree, as a board build pages through them. */
	public record Member(long volunteerId, long userId) {
	}

	/**
	 * Up to {@code limit} volunteers whose home station is one of {@code unitIds} (a subtree), with
	 * user ids above {@code afterUserId}, by user id: one bounded statement per page, so a build of
	 * the county's board never holds a connection for long. By user id so that a page of a county's
	 * volunteers is a dense range of user ids, which other tables keyed by user read as one range.
	 */
	public List<Member> page(Collection<Long> unitIds, long afterUserId, int limit) {
		return unitIds.isEmpty() ? List.of() : this.members.page(unitIds, afterUserId, limit);
	}

	/** How many volunteers have their home station in {@code unitIds} (the size of a board's candidates). */
	public long count(Collection<Long> unitIds) {
		return unitIds.isEmpty() ? 0 : this.members.count(unitIds);
	}

	@Mapper
	interface MembersMapper {

		@Select("""
				<script>
				SELECT v.id AS volunteer_id, v.user_id FROM volunteer v
				WHERE v.home_station_id IN <foreach collection="unitIds" item="u" open="(" separator="," close=")">#{u}</foreach>
				  AND v.user_id &gt; #{after}
				ORDER BY v.user_id LIMIT #{limit}
				</script>
				""")
		@Options(timeout = TIMEOUT_SECONDS)
		List<Member> page(@Param("unitIds") Collection<Long> unitIds, @Param("after") long after,
				@Param("limit") int limit);

		@Select("""
				<script>
				SELECT COUNT(*) FROM volunteer v
				WHERE v.home_station_id IN <foreach collection="unitIds" item="u" open="(" separator="," close=")">#{u}</foreach>
				</script>
				""")
		@Options(timeout = TIMEOUT_SECONDS)
		long count(@Param("unitIds") Collection<Long> unitIds);

	}

	/** A volunteer as a board shows them. */
	public record Standing(long userId, long homeStationId, String realName) {
	}

	/** Standings of many users, keyed by user id; users who are not volunteers are absent. */
	public Map<Long, Standing> byUserIds(Collection<Long> userIds) {
		if (userIds.isEmpty()) {
			return Map.of();
		}
		return this.volunteers.findByUserIds(userIds.stream().distinct().toList())
			.stream()
			.collect(Collectors.toMap(Volunteer::getUserId,
					v -> new Standing(v.getUserId(), v.getHomeStationId(), v.getRealName())));
	}

}
