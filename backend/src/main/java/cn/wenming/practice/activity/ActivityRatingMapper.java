package cn.wenming.practice.activity;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;

import cn.wenming.practice.project.StarTally;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** Ratings are inserted once per person and activity (unique key) and never changed. */
@Mapper
interface ActivityRatingMapper extends BaseMapper<ActivityRating> {

	/** Average stars and count per activity. */
	record Summary(long id, int count, BigDecimal average) {
	}

	/** Per project: how many ratings its activities received and their stars added up. */
	@Select("""
			<script>
			SELECT project_id AS projectId, COUNT(*) AS count, CAST(SUM(stars) AS SIGNED) AS stars FROM activity_rating
			WHERE project_id IN <foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach>
			GROUP BY project_id
			</script>
			""")
	List<StarTally> tallies(@Param("ids") Collection<Long> projectIds);

	@Select("""
			<script>
			SELECT activity_id AS id, COUNT(*) AS count, AVG(stars) AS average FROM activity_rating
			WHERE activity_id IN <foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach>
			GROUP BY activity_id
			</script>
			""")
	List<Summary> byActivities(@Param("ids") Collection<Long> activityIds);

}
