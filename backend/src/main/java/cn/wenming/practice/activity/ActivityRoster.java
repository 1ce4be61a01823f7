package cn.wenming.practice.activity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.springframework.stereotype.Component;

/**
 * Read access, for other features, to who is signed up for what and when it starts: what a
 * notification about an activity needs. Read in the caller's transaction, so a listener running
 * before commit sees the change being made.
 */
@Component
public class ActivityRoster {

	private final RosterMapper mapper;

	ActivityRoster(RosterMapper mapper) {
		this.mapper = mapper;
	}

	/** The activity's title, start and place, or empty for an unknown id. */
	public Optional<Summary> summary(long activityId) {
		return Optional.ofNullable(this.mapper.summary(activityId));
	}

	/** Users with a live sign-up (CONFIRMED or WAITLISTED) for the activity, by sign-up id. */
	public List<Long> liveUserIds(long activityId) {
		return this.mapper.liveUserIds(activityId);
	}

	/**
	 * CONFIRMED sign-ups of PUBLISHED activities starting after {@code from} and at or before
	 * {@code to}, in sign-up id order after {@code afterSignUpId} (keyset), at most {@code limit}.
	 */
	public List<Upcoming> confirmedStartingBetween(Instant from, Instant to, long afterSignUpId, int limit) {
		return this.mapper.confirmedStartingBetween(from, to, afterSignUpId, limit);
	}

	/** What to call an activity and where and when it takes place. */
	public record Summary(long activityId, String title, Instant startsAt, String address) {
	}

	/** One confirmed sign-up of an activity about to start. */
	public record Upcoming(long signUpId, long userId, long activityId, String title, Instant startsAt,
			String address) {
	}

	@Mapper
	interface RosterMapper {

		@Select("SELECT id AS activity_id, title, starts_at, address FROM activity WHERE id = #{id}")
		Summary summary(@Param("id") long activityId);

		@Select("""
				SELECT user_id FROM activity_sign_up
				WHERE activity_id = #{id} AND status IN ('CONFIRMED', 'WAITLISTED')
				ORDER BY id
				""")
		List<Long> liveUserIds(@Param("id") long activityId);

		@Select("""
				SELECT s.id AS sign_up_id, s.user_id, a.id AS activity_id, a.title, a.starts_at, a.address
				FROM activity a JOIN activity_sign_up s ON s.activity_id = a.id
				WHERE a.status = 'PUBLISHED' AND a.starts_at > #{from} AND a.starts_at <= #{to}
				  AND s.status = 'CONFIRMED' AND s.id > #{after}
				ORDER BY s.id LIMIT #{limit}
				""")
		List<Upcoming> confirmedStartingBetween(@Param("from") Instant from, @Param("to") Instant to,
				@Param("after") long after, @Param("limit") int limit);

	}

}
