package cn.wenming.practice.notification;

import java.time.Instant;
import java.util.List;

import cn.wenming.practice.shared.CreationKeys;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * Acceptance counts per user and template. Each write is one statement that cannot lose an update:
 * an upsert adding one, a guarded decrement, a reset.
 */
@Mapper
interface SubscriptionMapper {

	/** One remaining acceptance of a template. */
	record Balance(String templateId, int remaining) {
	}

	@Insert("""
			INSERT INTO notification_subscription (user_id, template_id, remaining, created_at, updated_at)
			VALUES (#{userId}, #{templateId}, 1, #{now}, #{now})
			ON DUPLICATE KEY UPDATE remaining = remaining + 1, updated_at = #{now}
			""")
	int accept(@Param("userId") long userId, @Param("templateId") String templateId, @Param("now") Instant now);

	/** Takes one acceptance: 0 rows when none is left, and then nothing may be sent. */
	@Update("""
			UPDATE notification_subscription SET remaining = remaining - 1, updated_at = #{now}
			WHERE user_id = #{userId} AND template_id = #{templateId} AND remaining > 0
			""")
	int consume(@Param("userId") long userId, @Param("templateId") String templateId, @Param("now") Instant now);

	/** Gives back an acceptance that was taken for a message WeChat never delivered. */
	@Update("""
			UPDATE notification_subscription SET remaining = remaining + 1, updated_at = #{now}
			WHERE user_id = #{userId} AND template_id = #{templateId}
			""")
	int refund(@Param("userId") long userId, @Param("templateId") String templateId, @Param("now") Instant now);

	/** WeChat says the user has no subscription (43101): whatever we counted is wrong. */
	@Update("""
			UPDATE notification_subscription SET remaining = 0, updated_at = #{now}
			WHERE user_id = #{userId} AND template_id = #{templateId}
			""")
	int reset(@Param("userId") long userId, @Param("templateId") String templateId, @Param("now") Instant now);

	/** Keeps an acceptance prompt's key: a second report of the prompt collides with it. */
	@Insert("""
			INSERT INTO notification_acceptance (user_id, idempotency_key, request_digest, created_at)
			VALUES (#{userId}, #{key}, #{digest}, #{now})
			""")
	int keepAcceptanceKey(@Param("userId") long userId, @Param("key") String key, @Param("digest") String digest,
			@Param("now") Instant now);

	/** The prompt this user reported with this key, if any. */
	@Select("SELECT id, request_digest FROM notification_acceptance WHERE user_id = #{userId} AND idempotency_key = #{key}")
	CreationKeys.Earlier findAcceptance(@Param("userId") long userId, @Param("key") String key);

	@Select("SELECT template_id, remaining FROM notification_subscription WHERE user_id = #{userId}")
	List<Balance> balances(@Param("userId") long userId);

}
