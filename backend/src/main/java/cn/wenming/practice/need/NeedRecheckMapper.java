package cn.wenming.practice.need;

import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * Queries of {@link NeedTextRecheck}. Resolving a hold is a lambda update on {@link NeedMapper}
 * there, guarded by the hold still being UNCHECKED.
 */
@Mapper
interface NeedRecheckMapper {

	/** Needs with a text held UNCHECKED and re-checks left, oldest id first from {@code afterId}. */
	@Select("""
			SELECT * FROM need
			WHERE id > #{afterId} AND recheck_attempts < #{maxAttempts}
			  AND ((content_hold = 'UNCHECKED' AND status = 'SUBMITTED')
			    OR completion_note_hold = 'UNCHECKED' OR rating_comment_hold = 'UNCHECKED')
			ORDER BY id
			LIMIT #{limit}
			""")
	List<Need> heldUnchecked(@Param("maxAttempts") int maxAttempts, @Param("afterId") long afterId,
			@Param("limit") int limit);

	/** Who completed the need (the completion note's author). */
	@Select("""
			SELECT actor_user_id FROM need_history WHERE need_id = #{needId} AND to_status = 'COMPLETED'
			ORDER BY id DESC LIMIT 1
			""")
	Long completedBy(@Param("needId") long needId);

	/** Who rated the need: the resident, or the admin who recorded a 回访 (the rating comment's author). */
	@Select("""
			SELECT actor_user_id FROM need_history WHERE need_id = #{needId} AND to_status = 'RATED'
			ORDER BY id DESC LIMIT 1
			""")
	Long ratedBy(@Param("needId") long needId);

	@Update("UPDATE need SET recheck_attempts = recheck_attempts + 1 WHERE id = #{id}")
	int countAttempt(@Param("id") long id);

}
