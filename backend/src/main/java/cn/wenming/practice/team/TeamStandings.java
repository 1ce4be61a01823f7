package cn.wenming.practice.team;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.springframework.stereotype.Component;

/** Team memberships for rankings (a volunteer board scoped to a team), each in one query. */
@Component
public class TeamStandings {

	private final TeamStandingsMapper mapper;

	TeamStandings(TeamStandingsMapper mapper) {
		this.mapper = mapper;
	}

	/** The user ids of a team's current members (the leader included). */
	public List<Long> memberUserIds(long teamId) {
		return this.mapper.members(teamId);
	}

	/** The teams each user currently belongs to, keyed by user id; users in no team are absent. */
	public Map<Long, List<Long>> teamsOf(Collection<Long> userIds) {
		if (userIds.isEmpty()) {
			return Map.of();
		}
		return this.mapper.memberships(userIds)
			.stream()
			.collect(Collectors.groupingBy(Membership::userId,
					Collectors.mapping(Membership::teamId, Collectors.toList())));
	}

	/** Whether the user is a current member of the team (the leader included). */
	public boolean isMember(long teamId, long userId) {
		return this.mapper.isMember(teamId, userId) > 0;
	}

	/** One membership row. */
	record Membership(long userId, long teamId) {
	}

	@Mapper
	interface TeamStandingsMapper {

		@Select("SELECT COUNT(*) FROM team_member WHERE team_id = #{teamId} AND user_id = #{userId}")
		int isMember(@Param("teamId") long teamId, @Param("userId") long userId);

		@Select("SELECT user_id FROM team_member WHERE team_id = #{teamId}")
		List<Long> members(@Param("teamId") long teamId);

		@Select("""
				<script>
				SELECT user_id, team_id FROM team_member
				WHERE user_id IN <foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach>
				</script>
				""")
		List<Membership> memberships(@Param("ids") Collection<Long> userIds);

	}

}
