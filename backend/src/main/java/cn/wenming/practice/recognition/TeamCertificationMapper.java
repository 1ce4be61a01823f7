package cn.wenming.practice.recognition;

import java.util.Collection;
import java.util.List;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
interface TeamCertificationMapper extends BaseMapper<TeamCertification> {

	default List<TeamCertification> ofTeam(long teamId) {
		return selectList(new LambdaQueryWrapper<TeamCertification>().eq(TeamCertification::getTeamId, teamId)
			.orderByDesc(TeamCertification::getId));
	}

	/** The latest certification of each team that has one. */
	default List<TeamCertification> latest(Collection<Long> teamIds) {
		return teamIds.isEmpty() ? List.of() : latestOf(teamIds);
	}

	@Select("""
			<script>
			SELECT c.* FROM team_certification c
			JOIN (SELECT team_id, MAX(id) AS id FROM team_certification
			      WHERE team_id IN <foreach collection="teamIds" item="t" open="(" separator="," close=")">#{t}</foreach>
			      GROUP BY team_id) latest ON latest.id = c.id
			</script>
			""")
	List<TeamCertification> latestOf(@Param("teamIds") Collection<Long> teamIds);

}
