package cn.wenming.practice.activity;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** Ratings are inserted once per person and activity (unique key) and never changed. */
@Mapper
interface ActivityRatingMapper extends BaseMapper<ActivityRating> {

	/** Average stars and count per key (a project or an activity id). */
	record Summary(long id, int count, BigDecimal average) {
	}

	/**
	 * Per project: its activities' ratings and the ratings of needs served under it
	 * ({@code project_need_rating}), averaged together, in one statement.
	 */
	@Select("""
			<script>
			SELECT r.id AS id, CAST(SUM(r.n) AS SIGNED) AS count, SUM(r.total) / SUM(r.n) AS average FROM (
			  SELECT project_id AS id, COUNT(*) AS n, SUM(stars) AS total FROM activity_rating
			  WHERE project_id IN <foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach>
			  GROUP BY project_id
			  UNION ALL
			  SELECT project_id AS id, COUNT(*) AS n, SUM(stars) AS total FROM project_need_rating
			  WHERE project_id IN <foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach>
			  GROUP BY project_id
			) r
			GROUP BY r.id
			</script>
			""")
	List<Summary> byProjects(@Param("ids") Collection<Long> projectIds);

	@Select("""
			<script>
			SELECT activity_id AS id, COUNT(*) AS count, AVG(stars) AS average FROM activity_rating
			WHERE activity_id IN <foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach>
			GROUP BY activity_id
			</script>
			""")
	List<Summary> byActivities(@Param("ids") Collection<Long> activityIds);

}
