package cn.wenming.practice.project;

import java.util.Collection;
import java.util.List;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** Inserted once per need (primary key), never changed. */
@Mapper
interface ProjectNeedRatingMapper extends BaseMapper<ProjectNeedRating> {

	@Select("""
			<script>
			SELECT project_id AS projectId, COUNT(*) AS count, CAST(SUM(stars) AS SIGNED) AS stars FROM project_need_rating
			WHERE project_id IN <foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach>
			GROUP BY project_id
			</script>
			""")
	List<StarTally> tallies(@Param("ids") Collection<Long> projectIds);

}
