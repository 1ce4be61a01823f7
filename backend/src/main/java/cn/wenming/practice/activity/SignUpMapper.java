package cn.wenming.practice.activity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface SignUpMapper extends BaseMapper<SignUp> {

	/** The user's live (not cancelled) sign-up for the activity, or null. */
	default SignUp findLive(long activityId, long userId) {
		return selectOne(new LambdaQueryWrapper<SignUp>().eq(SignUp::getActivityId, activityId)
			.eq(SignUp::getUserId, userId)
			.eq(SignUp::getLiveFlag, 1));
	}

	/** The caller's live sign-ups for many activities, for {@code Activity.mySignUp}. */
	default List<SignUp> findLiveOfUser(long userId, Collection<Long> activityIds) {
		return activityIds.isEmpty() ? List.of()
				: selectList(new LambdaQueryWrapper<SignUp>().eq(SignUp::getUserId, userId)
					.eq(SignUp::getLiveFlag, 1)
					.in(SignUp::getActivityId, activityIds));
	}

	/**
	 * Whether the user took part in the activity: any sign-up of theirs that was not withdrawn
	 * (confirmed, waitlisted, no-show). Such a user does not judge the activity's hours.
	 */
	default boolean tookPart(long activityId, long userId) {
		return selectCount(new LambdaQueryWrapper<SignUp>().eq(SignUp::getActivityId, activityId)
			.eq(SignUp::getUserId, userId)
			.ne(SignUp::getStatus, SignUpStatus.CANCELLED)) > 0;
	}

	/** How many of the activity's sign-ups have checked in (their hours depend on its time and place). */
	default long countCheckedIn(long activityId) {
		return selectCount(new LambdaQueryWrapper<SignUp>()
			.eq(SignUp::getActivityId, activityId)
			.isNotNull(SignUp::getCheckedInAt));
	}

	/** The first person on the waitlist; called with the activity row locked. */
	@Select("""
			SELECT * FROM activity_sign_up
			WHERE activity_id = #{activityId} AND status = 'WAITLISTED'
			ORDER BY waitlist_position, id
			LIMIT 1
			""")
	SignUp firstWaitlisted(@Param("activityId") long activityId);

	/**
	 * The live place on the waitlist of each still-waitlisted sign-up among {@code ids} (1 = the next
	 * to move up), in the order promotion follows ({@link #firstWaitlisted}): those who left or moved
	 * up no longer count, unlike the number taken at sign-up ({@code waitlist_position}).
	 */
	@Select("""
			<script>
			SELECT s.id AS sign_up_id,
			    (SELECT COUNT(*) FROM activity_sign_up o
			     WHERE o.activity_id = s.activity_id AND o.status = 'WAITLISTED'
			       AND (o.waitlist_position &lt; s.waitlist_position
			            OR (o.waitlist_position = s.waitlist_position AND o.id &lt;= s.id))) AS place
			FROM activity_sign_up s
			WHERE s.status = 'WAITLISTED' AND s.id IN
			<foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach>
			</script>
			""")
	List<Map<String, Object>> waitlistPlaces(@Param("ids") Collection<Long> ids);

	/** Guarded: 0 rows unless the sign-up is still waitlisted. */
	@Update("UPDATE activity_sign_up SET status = 'CONFIRMED', updated_at = #{now} WHERE id = #{id} AND status = 'WAITLISTED'")
	int promote(@Param("id") long id, @Param("now") Instant now);

	@Update("""
			UPDATE activity_sign_up SET status = 'CANCELLED', live_flag = NULL, cancelled_at = #{now}, updated_at = #{now}
			WHERE id = #{id} AND status IN ('CONFIRMED', 'WAITLISTED')
			""")
	int cancel(@Param("id") long id, @Param("now") Instant now);

	/** Guarded: 0 rows when the person has already checked in (or is no longer CONFIRMED). */
	@Update("""
			UPDATE activity_sign_up SET checked_in_at = #{now}, updated_at = #{now}
			WHERE id = #{id} AND status = 'CONFIRMED' AND checked_in_at IS NULL
			""")
	int checkIn(@Param("id") long id, @Param("now") Instant now);

	/**
	 * Guarded: 0 rows when already checked out; hours are fixed at check-out unless the organiser
	 * has already set them ({@link #adjustHours}), whose decision a late check-out must not undo.
	 */
	@Update("""
			UPDATE activity_sign_up SET checked_out_at = #{now},
			       hours = IF(hours_adjusted_at IS NULL, #{hours}, hours), updated_at = #{now}
			WHERE id = #{id} AND status = 'CONFIRMED' AND checked_in_at IS NOT NULL AND checked_out_at IS NULL
			""")
	int checkOut(@Param("id") long id, @Param("now") Instant now, @Param("hours") BigDecimal hours);

	/**
	 * Confirms the hours of one sign-up exactly once: 0 rows when already confirmed (or not eligible),
	 * so the caller credits the volunteer only when this returns 1.
	 */
	@Update("""
			UPDATE activity_sign_up SET hours_confirmed_at = #{now}, hours_confirmed_by = #{by}, updated_at = #{now}
			WHERE id = #{id} AND status = 'CONFIRMED' AND hours_confirmed_at IS NULL
			  AND (checked_out_at IS NOT NULL OR hours_adjusted_at IS NOT NULL)
			""")
	int confirmHours(@Param("id") long id, @Param("by") long by, @Param("now") Instant now);

	/**
	 * The organiser sets the hours of a checked-in sign-up (a missing check-out, or a correction)
	 * with a reason; 0 rows once the hours are confirmed, after which only revocation applies.
	 */
	@Update("""
			UPDATE activity_sign_up SET hours = #{hours}, hours_adjusted_at = #{now}, hours_adjusted_by = #{by},
			       hours_adjust_reason = #{reason}, updated_at = #{now}
			WHERE id = #{id} AND status = 'CONFIRMED' AND checked_in_at IS NOT NULL AND hours_confirmed_at IS NULL
			""")
	int adjustHours(@Param("id") long id, @Param("hours") BigDecimal hours, @Param("by") long by,
			@Param("reason") String reason, @Param("now") Instant now);

	/**
	 * Revokes confirmed hours exactly once: 0 rows when they were never confirmed or are already
	 * revoked, so the caller takes the hours back only when this returns 1. The row stays.
	 */
	@Update("""
			UPDATE activity_sign_up SET hours_revoked_at = #{now}, hours_revoked_by = #{by},
			       hours_revoke_reason = #{reason}, updated_at = #{now}
			WHERE id = #{id} AND hours_confirmed_at IS NOT NULL AND hours_revoked_at IS NULL
			""")
	int revokeHours(@Param("id") long id, @Param("by") long by, @Param("reason") String reason,
			@Param("now") Instant now);

	/** A confirmed person who never checked in becomes a no-show; their place stays counted as used. */
	@Update("""
			UPDATE activity_sign_up SET status = 'NO_SHOW', updated_at = #{now}
			WHERE id = #{id} AND status = 'CONFIRMED' AND checked_in_at IS NULL
			""")
	int markNoShow(@Param("id") long id, @Param("now") Instant now);

	/**
	 * The listed sign-ups, locked (in id order) until the transaction ends: a confirmation reads the
	 * hours it credits under the lock, so an {@code adjustHours} or a check-out committed meanwhile is
	 * either seen (it came first) or waits and then finds the hours confirmed.
	 */
	@Select("""
			<script>
			SELECT * FROM activity_sign_up WHERE id IN
			<foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach>
			ORDER BY id FOR UPDATE
			</script>
			""")
	List<SignUp> lockByIds(@Param("ids") Collection<Long> ids);

	/** A page of an activity's sign-ups by id, optionally in one status. */
	@Select("""
			<script>
			SELECT * FROM activity_sign_up WHERE activity_id = #{activityId}
			<if test="status != null"> AND status = #{status}</if>
			<if test="afterId != null"> AND id &gt; #{afterId}</if>
			ORDER BY id
			LIMIT #{limit}
			</script>
			""")
	List<SignUp> pageOfActivity(@Param("activityId") long activityId, @Param("status") String status,
			@Param("afterId") Long afterId, @Param("limit") int limit);

	/** A page of the user's sign-ups (cancelled ones included) by id. */
	@Select("""
			<script>
			SELECT * FROM activity_sign_up WHERE user_id = #{userId}
			<if test="afterId != null"> AND id &gt; #{afterId}</if>
			ORDER BY id
			LIMIT #{limit}
			</script>
			""")
	List<SignUp> pageOfUser(@Param("userId") long userId, @Param("afterId") Long afterId, @Param("limit") int limit);

	/** A page of a volunteer's sign-ups whose confirmed hours were revoked, by sign-up id. */
	@Select("""
			<script>
			SELECT * FROM activity_sign_up WHERE volunteer_id = #{volunteerId} AND hours_revoked_at IS NOT NULL
			<if test="afterId != null"> AND id &gt; #{afterId}</if>
			ORDER BY id
			LIMIT #{limit}
			</script>
			""")
	List<SignUp> pageRevokedOfVolunteer(@Param("volunteerId") long volunteerId, @Param("afterId") Long afterId,
			@Param("limit") int limit);

}
