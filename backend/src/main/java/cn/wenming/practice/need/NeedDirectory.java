package cn.wenming.practice.need;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.springframework.stereotype.Component;

/**
 * Read access to needs for other features. {@link #confirmedParticipants(long)} lets a consumer of
 * {@link NeedRated} (which carries no participants) find who served, e.g. to reward them;
 * {@link #completedSince}, {@link #hoursConfirmedSince}, {@link #hoursRevokedSince} and {@link #ratedSince} read the
 * {@link NeedCompleted}, {@link NeedHoursConfirmed}, {@link NeedHoursRevoked} and {@link NeedRated} facts again from MySQL so a consumer that missed an event can replay it.
 */
@Component
public class NeedDirectory {

	private final NeedParticipantMapper participants;

	private final NeedFactsMapper facts;

	NeedDirectory(NeedParticipantMapper participants, NeedFactsMapper facts) {
		this.participants = participants;
		this.facts = facts;
	}

	/** Needs completed at or after {@code since}, by id after {@code afterNeedId} (keyset), with their participants. */
	public List<NeedCompleted> completedSince(Instant since, long afterNeedId, int limit) {
		List<Fact> rows = this.facts.completedSince(since, afterNeedId, limit);
		Map<Long, List<NeedParticipant>> byNeed = this.participants.ofNeeds(rows.stream().map(Fact::id).toList())
			.stream()
			.collect(Collectors.groupingBy(NeedParticipant::getNeedId));
		return rows.stream()
			.map(row -> new NeedCompleted(row.id(), row.stationId(), byNeed.getOrDefault(row.id(), List.of())
				.stream()
				.map(p -> new NeedCompleted.Participant(p.getUserId(), p.getVolunteerId(), p.getHours()))
				.toList(), row.at()))
			.toList();
	}

	/**
	 * The {@link NeedHoursConfirmed} facts again: for each need with hours confirmed at or after
	 * {@code since} (by id after {@code afterNeedId}, keyset), its participants whose hours are
	 * confirmed (those confirmed earlier too: a replay of an award made already changes nothing).
	 */
	public List<NeedHoursConfirmed> hoursConfirmedSince(Instant since, long afterNeedId, int limit) {
		List<Long> ids = this.participants.confirmedSince(since, afterNeedId, limit);
		Map<Long, List<NeedParticipant>> byNeed = this.participants.ofNeeds(ids)
			.stream()
			.filter(p -> p.getHoursStatus() == NeedHoursStatus.CONFIRMED)
			.collect(Collectors.groupingBy(NeedParticipant::getNeedId));
		return ids.stream().map(id -> {
			List<NeedParticipant> rows = byNeed.getOrDefault(id, List.of());
			Instant at = rows.stream().map(NeedParticipant::getConfirmedAt).max(Instant::compareTo).orElse(since);
			// The station is not needed to replay an award; 0 marks it unknown.
			return new NeedHoursConfirmed(id, 0L, rows.stream()
				.map(p -> new NeedCompleted.Participant(p.getUserId(), p.getVolunteerId(), p.getHours()))
				.toList(), at);
		}).toList();
	}

	/**
	 * The {@link NeedHoursRevoked} facts again: for each need with a revocation at or after
	 * {@code since} (by id after {@code afterNeedId}, keyset; a need's revocations are on one page),
	 * one fact per revoked participant.
	 */
	public List<NeedHoursRevoked> hoursRevokedSince(Instant since, long afterNeedId, int limit) {
		return this.participants.ofNeeds(this.participants.revokedSince(since, afterNeedId, limit))
			.stream()
			.filter(p -> p.getHoursStatus() == NeedHoursStatus.REVOKED)
			.map(p -> new NeedHoursRevoked(p.getNeedId(), p.getUserId(), p.getVolunteerId(), p.getHours(),
					p.getRevokedAt()))
			.toList();
	}

	/** Needs rated at or after {@code since}, by id after {@code afterNeedId} (keyset). */
	public List<NeedRated> ratedSince(Instant since, long afterNeedId, int limit) {
		return this.facts.ratedSince(since, afterNeedId, limit)
			.stream()
			.map(row -> new NeedRated(row.id(), row.stars(), row.at()))
			.toList();
	}

	/**
	 * Need hours for the hours roster (时长花名册): one line per participant whose hours are confirmed and
	 * not revoked, of needs of the stations completed in [{@code from}, {@code to}) — the period a
	 * volunteer's statistics count them in — by completion time.
	 */
	public List<ConfirmedHoursLine> confirmedHoursCompletedBetween(java.util.Collection<Long> stationIds, Instant from,
			Instant to) {
		return stationIds.isEmpty() ? List.of() : this.facts.confirmedHoursCompletedBetween(stationIds, from, to);
	}

	/** One participant's confirmed hours on a completed need. */
	public record ConfirmedHoursLine(long needId, String title, long stationId, Instant completedAt, long volunteerId,
			java.math.BigDecimal hours, Instant confirmedAt) {
	}

	/** A need and when it was completed or rated. */
	record Fact(long id, long stationId, Integer stars, Instant at) {
	}

	@Mapper
	interface NeedFactsMapper {

		@Select("""
				<script>
				SELECT n.id AS need_id, n.title, n.station_id, n.completed_at, p.volunteer_id, p.hours, p.confirmed_at
				FROM need n JOIN need_participant p ON p.need_id = n.id
				WHERE n.station_id IN <foreach collection="stationIds" item="u" open="(" separator="," close=")">#{u}</foreach>
				  AND n.completed_at &gt;= #{from} AND n.completed_at &lt; #{to}
				  AND p.hours_status = 'CONFIRMED' AND p.hours &gt; 0
				ORDER BY n.completed_at, n.id, p.volunteer_id
				</script>
				""")
		List<ConfirmedHoursLine> confirmedHoursCompletedBetween(@Param("stationIds") java.util.Collection<Long> stationIds,
				@Param("from") Instant from, @Param("to") Instant to);

		@Select("""
				SELECT id, station_id, rating_stars AS stars, completed_at AS at FROM need
				WHERE id > #{after} AND completed_at >= #{since}
				ORDER BY id LIMIT #{limit}
				""")
		List<Fact> completedSince(@Param("since") Instant since, @Param("after") long after, @Param("limit") int limit);

		@Select("""
				SELECT id, station_id, rating_stars AS stars, rated_at AS at FROM need
				WHERE id > #{after} AND rated_at >= #{since} AND rating_stars IS NOT NULL
				ORDER BY id LIMIT #{limit}
				""")
		List<Fact> ratedSince(@Param("since") Instant since, @Param("after") long after, @Param("limit") int limit);

		@Select("SELECT rating_stars FROM need WHERE id = #{id}")
		Integer ratingStars(@Param("id") long id);

	}

	/**
	 * The volunteers whose hours on a need an admin has confirmed, with those hours; empty for an
	 * unknown or open need, or while every claim is still pending. Whoever rewards service reads
	 * these, never the claims.
	 */
	public List<NeedCompleted.Participant> confirmedParticipants(long needId) {
		return this.participants.ofNeeds(List.of(needId))
			.stream()
			.filter(p -> p.getHoursStatus() == NeedHoursStatus.CONFIRMED)
			.map(p -> new NeedCompleted.Participant(p.getUserId(), p.getVolunteerId(), p.getHours()))
			.toList();
	}

	/** The stars the need was rated with (by the resident or a 回访), or null while unrated. */
	public Integer ratingStars(long needId) {
		return this.facts.ratingStars(needId);
	}

}
