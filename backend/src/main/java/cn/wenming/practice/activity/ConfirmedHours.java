package cn.wenming.practice.activity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import cn.wenming.practice.volunteer.ServiceCategory;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.springframework.stereotype.Component;

/**
 * Read access to confirmed hours for other features: the {@link HoursConfirmed} facts again, read
 * from MySQL, so a consumer that missed an event (it failed, or the process died after the commit)
 * can replay it. Revoked hours are left out (their award, if made, is reversed by
 * {@link HoursRevoked}). Consumers must be idempotent per sign-up, as they already are for redeliveries.
 */
@Component
public class ConfirmedHours {

	private final ConfirmedHoursMapper mapper;

	ConfirmedHours(ConfirmedHoursMapper mapper) {
		this.mapper = mapper;
	}

	/**
	 * Sign-ups whose hours were confirmed at or after {@code since}, in sign-up id order after
	 * {@code afterSignUpId} (keyset), at most {@code limit}.
	 */
	public List<HoursConfirmed> since(Instant since, long afterSignUpId, int limit) {
		return this.mapper.confirmedSince(since, afterSignUpId, limit)
			.stream()
			.map(row -> new HoursConfirmed(row.userId(), row.activityId(), row.signUpId(), row.hours(), row.category()))
			.toList();
	}

	/**
	 * Sign-ups whose confirmed hours were revoked at or after {@code since}, in sign-up id order after
	 * {@code afterSignUpId}: the {@link HoursRevoked} facts again, for a consumer that missed one.
	 */
	public List<HoursRevoked> revokedSince(Instant since, long afterSignUpId, int limit) {
		return this.mapper.revokedSince(since, afterSignUpId, limit)
			.stream()
			.map(row -> new HoursRevoked(row.userId(), row.activityId(), row.signUpId(), row.hours()))
			.toList();
	}

	/** One confirmed sign-up with its activity's category. */
	record Row(long signUpId, long userId, long activityId, BigDecimal hours, ServiceCategory category) {
	}

	@Mapper
	interface ConfirmedHoursMapper {

		@Select("""
				SELECT s.id AS sign_up_id, s.user_id, s.activity_id, s.hours, a.category
				FROM activity_sign_up s JOIN activity a ON a.id = s.activity_id
				WHERE s.id > #{after} AND s.hours_confirmed_at >= #{since} AND s.hours_revoked_at IS NULL
				ORDER BY s.id LIMIT #{limit}
				""")
		List<Row> confirmedSince(@Param("since") Instant since, @Param("after") long after, @Param("limit") int limit);

		@Select("""
				SELECT s.id AS sign_up_id, s.user_id, s.activity_id, s.hours, a.category
				FROM activity_sign_up s JOIN activity a ON a.id = s.activity_id
				WHERE s.id > #{after} AND s.hours_revoked_at >= #{since}
				ORDER BY s.id LIMIT #{limit}
				""")
		List<Row> revokedSince(@Param("since") Instant since, @Param("after") long after, @Param("limit") int limit);

	}

}
