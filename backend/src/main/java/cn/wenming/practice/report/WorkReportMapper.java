package cn.wenming.practice.report;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface WorkReportMapper extends BaseMapper<WorkReport> {

	/** The newest version of a unit's report for the kind and period, or null. */
	@Select("""
			SELECT * FROM work_report WHERE org_unit_id = #{unitId} AND kind = #{kind} AND period = #{period}
			ORDER BY version DESC LIMIT 1
			""")
	WorkReport latest(@Param("unitId") long unitId, @Param("kind") String kind, @Param("period") String period);

	/** The unit's reports, every version, newest period and version first; the last 100. */
	@Select("""
			<script>
			SELECT * FROM work_report WHERE org_unit_id = #{unitId}
			<if test="kind != null"> AND kind = #{kind}</if>
			ORDER BY period DESC, version DESC LIMIT 100
			</script>
			""")
	List<WorkReport> ofUnit(@Param("unitId") long unitId, @Param("kind") String kind);

	/** The published (current) reports of these units for the kind and period. */
	@Select("""
			<script>
			SELECT * FROM work_report WHERE kind = #{kind} AND period = #{period} AND status = 'PUBLISHED'
			  AND org_unit_id IN <foreach collection="unitIds" item="u" open="(" separator="," close=")">#{u}</foreach>
			ORDER BY published_at, id
			</script>
			""")
	List<WorkReport> publishedOf(@Param("unitIds") Collection<Long> unitIds, @Param("kind") String kind,
			@Param("period") String period);

	/** The row, locked for update until the caller's transaction ends. */
	@Select("SELECT * FROM work_report WHERE id = #{id} FOR UPDATE")
	WorkReport lockById(@Param("id") long id);

	@Update("""
			UPDATE work_report SET figures = #{figures}, computed_at = #{at}, highlighted_ids = #{highlightedIds},
			       updated_at = #{at}
			WHERE id = #{id} AND status = 'DRAFT'
			""")
	int refresh(@Param("id") long id, @Param("figures") String figures, @Param("highlightedIds") String highlightedIds,
			@Param("at") Instant at);

	@Update("""
			UPDATE work_report SET highlights = #{highlights}, highlighted_ids = #{highlightedIds}, updated_at = #{at}
			WHERE id = #{id} AND status = 'DRAFT'
			""")
	int edit(@Param("id") long id, @Param("highlights") String highlights,
			@Param("highlightedIds") String highlightedIds, @Param("at") Instant at);

	@Update("""
			UPDATE work_report SET status = 'PUBLISHED', published_by = #{by}, published_at = #{at}, updated_at = #{at}
			WHERE id = #{id} AND status = 'DRAFT'
			""")
	int publish(@Param("id") long id, @Param("by") long by, @Param("at") Instant at);

	@Update("""
			UPDATE work_report SET status = 'SUPERSEDED', updated_at = #{at}
			WHERE id = #{id} AND status = 'PUBLISHED'
			""")
	int supersede(@Param("id") long id, @Param("at") Instant at);

}
