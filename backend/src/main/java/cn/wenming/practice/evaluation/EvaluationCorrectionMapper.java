package cn.wenming.practice.evaluation;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/**
 * The trails of corrections of spot checks ({@code spot_check_correction}) and peer reviews
 * ({@code peer_review_correction}); the same shape, one statement each per table. An idempotency key
 * is the corrector's own: an entry is found by {@code (corrected_by, idempotency_key)}, the tables'
 * unique key (V55).
 */
@Mapper
interface EvaluationCorrectionMapper {

	@Select("""
			SELECT id, spot_check_id, action, reason, before_state, after_state, request_digest, corrected_by, corrected_at
			FROM spot_check_correction WHERE corrected_by = #{actor} AND idempotency_key = #{key}
			""")
	Row spotCheckByKey(@Param("actor") long actor, @Param("key") String key);

	@Insert("""
			INSERT INTO spot_check_correction (spot_check_id, action, reason, before_state, after_state, idempotency_key,
			  request_digest, corrected_by, corrected_at)
			VALUES (#{c.recordId}, #{c.action}, #{c.reason}, #{c.beforeState}, #{c.afterState}, #{c.idempotencyKey},
			  #{c.requestDigest}, #{c.correctedBy}, #{c.correctedAt})
			""")
	int insertSpotCheck(@Param("c") NewRow row);

	@Select("""
			<script>
			SELECT id, spot_check_id, action, reason, before_state, after_state, request_digest, corrected_by, corrected_at
			FROM spot_check_correction
			WHERE spot_check_id IN <foreach collection="ids" item="i" open="(" separator="," close=")">#{i}</foreach>
			ORDER BY spot_check_id, id
			</script>
			""")
	List<Row> ofSpotChecks(@Param("ids") Collection<Long> ids);

	@Select("""
			SELECT id, review_id, action, reason, before_state, after_state, request_digest, corrected_by, corrected_at
			FROM peer_review_correction WHERE corrected_by = #{actor} AND idempotency_key = #{key}
			""")
	Row peerReviewByKey(@Param("actor") long actor, @Param("key") String key);

	@Insert("""
			INSERT INTO peer_review_correction (review_id, action, reason, before_state, after_state, idempotency_key,
			  request_digest, corrected_by, corrected_at)
			VALUES (#{c.recordId}, #{c.action}, #{c.reason}, #{c.beforeState}, #{c.afterState}, #{c.idempotencyKey},
			  #{c.requestDigest}, #{c.correctedBy}, #{c.correctedAt})
			""")
	int insertPeerReview(@Param("c") NewRow row);

	@Select("""
			<script>
			SELECT id, review_id, action, reason, before_state, after_state, request_digest, corrected_by, corrected_at
			FROM peer_review_correction
			WHERE review_id IN <foreach collection="ids" item="i" open="(" separator="," close=")">#{i}</foreach>
			ORDER BY review_id, id
			</script>
			""")
	List<Row> ofPeerReviews(@Param("ids") Collection<Long> ids);

	/** One trail entry; the states are JSON text of the record before and after (null after a withdrawal). */
	record Row(long id, long recordId, String action, String reason, String beforeState, String afterState,
			String requestDigest, long correctedBy, Instant correctedAt) {
	}

	record NewRow(long recordId, String action, String reason, String beforeState, String afterState,
			String idempotencyKey, String requestDigest, long correctedBy, Instant correctedAt) {
	}

}
