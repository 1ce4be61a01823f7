package cn.wenming.practice.need;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Queries of {@link NeedTextRecheck}; every write is guarded by the hold still being UNCHECKED. */
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

	/** Sets a hold ({@code hold} null: cleared) if the column is still UNCHECKED. */
	@Update("""
			UPDATE need SET ${column} = #{hold}, updated_at = #{now}
			WHERE id = #{id} AND ${column} = 'UNCHECKED'
			""")
	int resolveHold(@Param("id") long id, @Param("column") String column, @Param("hold") ContentHold hold,
			@Param("now") Instant now);

	/** Removes a risky note or comment ({@code column}) with its hold, if the hold is still UNCHECKED. */
	@Update("""
			UPDATE need SET ${text} = NULL, ${text}_hold = NULL, updated_at = #{now}
			WHERE id = #{id} AND ${text}_hold = 'UNCHECKED'
			""")
	int removeText(@Param("id") long id, @Param("text") String text, @Param("now") Instant now);

	@Update("UPDATE need SET recheck_attempts = recheck_attempts + 1 WHERE id = #{id}")
	int countAttempt(@Param("id") long id);

}
