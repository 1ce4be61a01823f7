package cn.wenming.practice.need;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
interface NeedParticipantMapper extends BaseMapper<NeedParticipant> {

	default List<NeedParticipant> ofNeeds(Collection<Long> needIds) {
		return needIds.isEmpty() ? List.of()
				: selectList(Wrappers.lambdaQuery(NeedParticipant.class)
					.in(NeedParticipant::getNeedId, needIds)
					.orderByAsc(NeedParticipant::getNeedId, NeedParticipant::getUserId));
	}

	/**
	 * The need's participants, locked until the transaction ends: a confirmation credits the hours it
	 * read under the lock, so an adjustment committed meanwhile is seen, or waits and then finds the
	 * hours confirmed (and is refused).
	 */
	default List<NeedParticipant> lockOfNeed(long needId) {
		return selectList(Wrappers.lambdaQuery(NeedParticipant.class)
			.eq(NeedParticipant::getNeedId, needId)
			.orderByAsc(NeedParticipant::getUserId)
			.last("FOR UPDATE"));
	}

	/** Confirms one participant's pending hours; 1 for the one confirmation that wins, 0 when already confirmed. */
	default int confirm(long needId, long userId, long by, Instant now) {
		return update(null, Wrappers.lambdaUpdate(NeedParticipant.class)
			.eq(NeedParticipant::getNeedId, needId)
			.eq(NeedParticipant::getUserId, userId)
			.eq(NeedParticipant::getHoursStatus, NeedHoursStatus.PENDING)
			.set(NeedParticipant::getHoursStatus, NeedHoursStatus.CONFIRMED)
			.set(NeedParticipant::getConfirmedBy, by)
			.set(NeedParticipant::getConfirmedAt, now));
	}

	/** Sets pending hours, keeping the first claim; 0 when the hours are confirmed (or no such participant). */
	default int adjust(NeedParticipant row, BigDecimal hours, long by, String reason) {
		return update(null, Wrappers.lambdaUpdate(NeedParticipant.class)
			.eq(NeedParticipant::getNeedId, row.getNeedId())
			.eq(NeedParticipant::getUserId, row.getUserId())
			.eq(NeedParticipant::getHoursStatus, NeedHoursStatus.PENDING)
			.set(NeedParticipant::getHours, hours)
			.set(NeedParticipant::getClaimedHours, (row.getClaimedHours() != null) ? row.getClaimedHours() : row.getHours())
			.set(NeedParticipant::getAdjustedBy, by)
			.set(NeedParticipant::getAdjustedReason, reason));
	}

	/**
	 * Revokes one participant's confirmed hours: 1 for the one revocation that wins, 0 when they are
	 * pending or already revoked. The row and its confirmation stay.
	 */
	default int revoke(long needId, long userId, long by, String reason, Instant now) {
		return update(null, Wrappers.lambdaUpdate(NeedParticipant.class)
			.eq(NeedParticipant::getNeedId, needId)
			.eq(NeedParticipant::getUserId, userId)
			.eq(NeedParticipant::getHoursStatus, NeedHoursStatus.CONFIRMED)
			.set(NeedParticipant::getHoursStatus, NeedHoursStatus.REVOKED)
			.set(NeedParticipant::getRevokedBy, by)
			.set(NeedParticipant::getRevokedAt, now)
			.set(NeedParticipant::getRevokeReason, reason));
	}

	/** Needs with revocations at or after {@code since}, by id after {@code afterNeedId} (keyset). */
	@Select("""
			SELECT DISTINCT need_id FROM need_participant
			WHERE revoked_at >= #{since} AND need_id > #{after}
			ORDER BY need_id LIMIT #{limit}
			""")
	List<Long> revokedSince(@Param("since") Instant since, @Param("after") long after, @Param("limit") int limit);

	/** Needs with confirmations at or after {@code since}, by id after {@code afterNeedId} (keyset). */
	@Select("""
			SELECT DISTINCT need_id FROM need_participant
			WHERE confirmed_at >= #{since} AND need_id > #{after}
			ORDER BY need_id LIMIT #{limit}
			""")
	List<Long> confirmedSince(@Param("since") Instant since, @Param("after") long after, @Param("limit") int limit);

}
