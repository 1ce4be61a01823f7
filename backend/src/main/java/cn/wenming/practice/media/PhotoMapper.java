package cn.wenming.practice.media;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface PhotoMapper extends BaseMapper<Photo> {

	/**
	 * Attaches the owner's unattached photos to a subject answered for by {@code unitId}; returns how
	 * many were attached (fewer than asked: one is not the owner's, unknown, or already attached, and
	 * the caller rolls back).
	 */
	@Update("""
			<script>
			UPDATE media_photo SET subject_type = #{type}, subject_id = #{subjectId}, unit_id = #{unitId}, updated_at = #{now}
			WHERE owner_user_id = #{ownerUserId} AND subject_type IS NULL
			AND id IN <foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach>
			</script>
			""")
	int attach(@Param("ids") Collection<Long> ids, @Param("ownerUserId") long ownerUserId,
			@Param("type") PhotoSubject type, @Param("subjectId") long subjectId, @Param("unitId") long unitId,
			@Param("now") Instant now);

	/** The photos of the subjects, in upload order: one query for a whole list of needs. */
	@Select("""
			<script>
			SELECT * FROM media_photo WHERE subject_type = #{type}
			AND subject_id IN <foreach collection="subjectIds" item="id" open="(" separator="," close=")">#{id}</foreach>
			ORDER BY id
			</script>
			""")
	List<Photo> ofSubjects(@Param("type") PhotoSubject type, @Param("subjectIds") Collection<Long> subjectIds);

	@Select("SELECT * FROM media_photo WHERE trace_id = #{traceId}")
	Photo findByTrace(@Param("traceId") String traceId);

	/** Pending photos whose check never reached WeChat, with attempts left, oldest first. */
	@Select("""
			SELECT * FROM media_photo
			WHERE status = 'PENDING' AND trace_id IS NULL AND check_attempts < #{maxAttempts} AND id > #{afterId}
			ORDER BY id
			LIMIT #{limit}
			""")
	List<Photo> unsent(@Param("maxAttempts") int maxAttempts, @Param("afterId") long afterId, @Param("limit") int limit);

	/** Records WeChat's trace id, unless the photo was already decided or sent meanwhile. */
	@Update("""
			UPDATE media_photo SET trace_id = #{traceId}, check_attempts = check_attempts + 1,
			  last_attempt_at = #{now}, updated_at = #{now}
			WHERE id = #{id} AND status = 'PENDING' AND trace_id IS NULL
			""")
	int recordSent(@Param("id") long id, @Param("traceId") String traceId, @Param("now") Instant now);

	@Update("""
			UPDATE media_photo SET check_attempts = check_attempts + 1, last_attempt_at = #{now}, updated_at = #{now}
			WHERE id = #{id} AND status = 'PENDING' AND trace_id IS NULL
			""")
	int recordFailedAttempt(@Param("id") long id, @Param("now") Instant now);

	/** WeChat's verdict; only a pending photo changes, so a repeated callback is a no-op. */
	@Update("""
			UPDATE media_photo SET status = #{status}, checked_at = #{now}, updated_at = #{now}
			WHERE id = #{id} AND status = 'PENDING'
			""")
	int decide(@Param("id") long id, @Param("status") PhotoStatus status, @Param("now") Instant now);

	/** WeChat could not check the photo (an errcode in its callback): forget the trace so the retry job re-sends. */
	@Update("""
			UPDATE media_photo SET trace_id = NULL, updated_at = #{now}
			WHERE id = #{id} AND status = 'PENDING'
			""")
	int forgetTrace(@Param("id") long id, @Param("now") Instant now);

	/** Photos never attached to anything, uploaded before {@code before}, oldest first. */
	@Select("""
			SELECT * FROM media_photo
			WHERE subject_type IS NULL AND created_at < #{before} AND id > #{afterId}
			ORDER BY id
			LIMIT #{limit}
			""")
	List<Photo> unattachedBefore(@Param("before") Instant before, @Param("afterId") long afterId,
			@Param("limit") int limit);

	/** Deletes the photo unless it was attached meanwhile; 1 when deleted. */
	@org.apache.ibatis.annotations.Delete("DELETE FROM media_photo WHERE id = #{id} AND subject_type IS NULL")
	int deleteUnattached(@Param("id") long id);

	/**
	 * Held photos (the generated {@code held} column of V52: not passed, not yet reviewed by staff,
	 * attached) of these subject types in these units, oldest first, after photo id {@code afterId}:
	 * the staff's review queue, read through {@code idx_media_photo_held_queue} so only held rows of
	 * the reviewer's units are touched, however many photos were ever uploaded.
	 */
	@Select("""
			<script>
			SELECT * FROM media_photo
			WHERE held = 1
			AND subject_type IN <foreach collection="types" item="t" open="(" separator="," close=")">#{t}</foreach>
			AND unit_id IN <foreach collection="unitIds" item="u" open="(" separator="," close=")">#{u}</foreach>
			AND id &gt; #{afterId}
			ORDER BY id
			LIMIT #{limit}
			</script>
			""")
	List<Photo> held(@Param("types") Collection<PhotoSubject> types, @Param("unitIds") Collection<Long> unitIds,
			@Param("afterId") long afterId, @Param("limit") int limit);

	/**
	 * Whether the user uploaded any photo attached to the subject under one of these types (whatever
	 * its status): one probe of {@code idx_media_photo_subject}.
	 */
	@Select("""
			<script>
			SELECT EXISTS (SELECT 1 FROM media_photo
			WHERE subject_type IN <foreach collection="types" item="t" open="(" separator="," close=")">#{t}</foreach>
			AND subject_id = #{subjectId} AND owner_user_id = #{userId})
			</script>
			""")
	boolean uploadedAny(@Param("types") Collection<PhotoSubject> types, @Param("subjectId") long subjectId,
			@Param("userId") long userId);

	/** A staff decision on a held photo; 0 when it was reviewed meanwhile or passed by WeChat. */
	@Update("""
			UPDATE media_photo SET status = #{status}, reviewed_by = #{reviewer}, reviewed_at = #{now}, updated_at = #{now}
			WHERE id = #{id} AND status IN ('PENDING', 'REJECTED') AND reviewed_at IS NULL
			""")
	int review(@Param("id") long id, @Param("status") PhotoStatus status, @Param("reviewer") long reviewer,
			@Param("now") Instant now);

}
