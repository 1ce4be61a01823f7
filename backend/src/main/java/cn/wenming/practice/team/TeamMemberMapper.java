package cn.wenming.practice.team;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface TeamMemberMapper {

	/** Adds a member; IGNORE so that a second insert of the same person (a race) is a no-op. */
	@Insert("""
			INSERT IGNORE INTO team_member (team_id, user_id, volunteer_id, role, joined_at)
			VALUES (#{teamId}, #{userId}, #{volunteerId}, #{role}, #{now})
			""")
	int add(@Param("teamId") long teamId, @Param("userId") long userId, @Param("volunteerId") long volunteerId,
			@Param("role") TeamRole role, @Param("now") Instant now);

	/** Makes someone the leader, adding them as a member if they were not one. */
	@Insert("""
			INSERT INTO team_member (team_id, user_id, volunteer_id, role, joined_at)
			VALUES (#{teamId}, #{userId}, #{volunteerId}, 'LEADER', #{now})
			ON DUPLICATE KEY UPDATE role = 'LEADER'
			""")
	int upsertLeader(@Param("teamId") long teamId, @Param("userId") long userId,
			@Param("volunteerId") long volunteerId, @Param("now") Instant now);

	@Update("UPDATE team_member SET role = #{role} WHERE team_id = #{teamId} AND user_id = #{userId}")
	int setRole(@Param("teamId") long teamId, @Param("userId") long userId, @Param("role") TeamRole role);

	/** Removes a plain member; 0 rows if they are not one (or are the leader, who cannot leave). */
	@Delete("DELETE FROM team_member WHERE team_id = #{teamId} AND user_id = #{userId} AND role = 'MEMBER'")
	int removeMember(@Param("teamId") long teamId, @Param("userId") long userId);

	@Select("SELECT * FROM team_member WHERE team_id = #{teamId} AND user_id = #{userId}")
	TeamMember find(@Param("teamId") long teamId, @Param("userId") long userId);

	/** The leaders of many teams in one query. */
	@Select("""
			<script>
			SELECT * FROM team_member WHERE role = 'LEADER'
			AND team_id IN <foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach>
			</script>
			""")
	List<TeamMember> leadersOf(@Param("ids") Collection<Long> teamIds);

	/**
	 * Up to {@code limit} members of each of many teams, leader first then by joining time, in one
	 * query (window functions work on MySQL 8 and MariaDB 10.2+).
	 */
	@Select("""
			<script>
			SELECT team_id, user_id, volunteer_id, role, joined_at FROM (
			  SELECT m.team_id, m.user_id, m.volunteer_id, m.role, m.joined_at,
			         ROW_NUMBER() OVER (PARTITION BY m.team_id
			                            ORDER BY CASE WHEN m.role = 'LEADER' THEN 0 ELSE 1 END, m.joined_at, m.user_id) AS rn
			  FROM team_member m
			  WHERE m.team_id IN <foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach>
			) ranked
			WHERE rn &lt;= #{limit}
			ORDER BY team_id, rn
			</script>
			""")
	List<TeamMember> firstMembersOf(@Param("ids") Collection<Long> teamIds, @Param("limit") int limit);

	@Select("""
			<script>
			SELECT team_id, COUNT(*) AS n FROM team_member
			WHERE team_id IN <foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach>
			GROUP BY team_id
			</script>
			""")
	List<CountRow> countByTeams(@Param("ids") Collection<Long> teamIds);

	/** A page of one team's members keyed by user id. */
	@Select("""
			<script>
			SELECT * FROM team_member WHERE team_id = #{teamId}
			<if test="afterUserId != null"> AND user_id &gt; #{afterUserId}</if>
			ORDER BY user_id
			LIMIT #{limit}
			</script>
			""")
	List<TeamMember> page(@Param("teamId") long teamId, @Param("afterUserId") Long afterUserId,
			@Param("limit") int limit);

	/** Member count of one team. */
	class CountRow {

		Long teamId;

		Integer n;

	}

}
