package cn.wenming.practice.notification;

import java.time.Instant;
import java.util.List;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * The outbox. Every state change is a guarded UPDATE on {@code status = 'PENDING'}: a sender first
 * claims a due row by pushing {@code next_attempt_at} to the end of its lease, so of two senders
 * (the after-commit one and the retry job, or two instances) exactly one gets it.
 */
@Mapper
interface NotificationMapper extends BaseMapper<Notification> {

	/** Takes a due PENDING row for one attempt, held until {@code leaseUntil}: 0 rows if not due or held. */
	@Update("""
			UPDATE notification SET attempts = attempts + 1, next_attempt_at = #{leaseUntil}, updated_at = #{now}
			WHERE id = #{id} AND status = 'PENDING' AND next_attempt_at <= #{now}
			""")
	int claim(@Param("id") long id, @Param("now") Instant now, @Param("leaseUntil") Instant leaseUntil);

	@Update("UPDATE notification SET acceptance_taken = 1 WHERE id = #{id} AND status = 'PENDING'")
	int markAcceptanceTaken(@Param("id") long id);

	/** Ends a PENDING row in a final status. */
	@Update("""
			UPDATE notification SET status = #{status}, wx_errcode = #{errcode}, last_error = #{error},
			       sent_at = #{sentAt}, updated_at = #{now}
			WHERE id = #{id} AND status = 'PENDING'
			""")
	int finish(@Param("id") long id, @Param("status") NotificationStatus status, @Param("errcode") Integer errcode,
			@Param("error") String error, @Param("sentAt") Instant sentAt, @Param("now") Instant now);

	/** Leaves a PENDING row for another attempt at {@code at}. */
	@Update("""
			UPDATE notification SET next_attempt_at = #{at}, wx_errcode = #{errcode}, last_error = #{error}, updated_at = #{now}
			WHERE id = #{id} AND status = 'PENDING'
			""")
	int retryAt(@Param("id") long id, @Param("at") Instant at, @Param("errcode") Integer errcode,
			@Param("error") String error, @Param("now") Instant now);

	/** PENDING rows due at {@code now}, oldest due first. */
	@Select("""
			SELECT id FROM notification WHERE status = 'PENDING' AND next_attempt_at <= #{now}
			ORDER BY next_attempt_at, id LIMIT #{limit}
			""")
	List<Long> due(@Param("now") Instant now, @Param("limit") int limit);

}
