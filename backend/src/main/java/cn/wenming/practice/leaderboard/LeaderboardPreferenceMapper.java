package cn.wenming.practice.leaderboard;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** {@code leaderboard_preference}: who opted in to show their real name on boards. */
@Mapper
interface LeaderboardPreferenceMapper {

	@Insert("""
			INSERT INTO leaderboard_preference (user_id, show_name, updated_at) VALUES (#{userId}, #{show}, #{now})
			ON DUPLICATE KEY UPDATE show_name = VALUES(show_name), updated_at = VALUES(updated_at)
			""")
	int save(@Param("userId") long userId, @Param("show") boolean show, @Param("now") Instant now);

	/** Of the given users, those who show their name; one statement. */
	@Select("""
			<script>
			SELECT user_id FROM leaderboard_preference WHERE show_name = 1
			  AND user_id IN <foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach>
			</script>
			""")
	List<Long> showingNames(@Param("ids") Collection<Long> userIds);

}
