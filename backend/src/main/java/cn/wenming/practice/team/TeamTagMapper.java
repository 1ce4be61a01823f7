package cn.wenming.practice.team;

import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
interface TeamTagMapper {

	String SKILL = "SKILL";

	String CATEGORY = "CATEGORY";

	/** IGNORE: tags equal under the column collation collapse to one. */
	@Insert("""
			<script>
			INSERT IGNORE INTO team_tag (team_id, kind, value) VALUES
			<foreach collection="values" item="value" separator=",">(#{teamId}, #{kind}, #{value})</foreach>
			</script>
			""")
	int insertAll(@Param("teamId") long teamId, @Param("kind") String kind, @Param("values") Collection<String> values);

	@Select("""
			<script>
			SELECT team_id, kind, value FROM team_tag
			WHERE team_id IN <foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach>
			ORDER BY team_id, kind, value
			</script>
			""")
	List<TagRow> findByTeams(@Param("ids") Collection<Long> teamIds);

	/** One tag of one team. */
	class TagRow {

		Long teamId;

		String kind;

		String value;

	}

}
