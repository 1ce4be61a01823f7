package cn.wenming.practice.need;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import cn.wenming.practice.volunteer.VolunteerDirectory;

import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code NeedParticipant.name} and {@code hoursAdjustments}: who served and how their hours were
 * corrected, for the staff confirming or revoking the hours. Only reached through
 * {@code Need.participants}, which lists participants to privileged callers only (so the trail is
 * seen by exactly those who see the participant's adjustment reason); names are masked by the
 * volunteer feature's rules.
 */
@Controller
class NeedParticipantController {

	private final VolunteerDirectory volunteers;

	private final NeedHoursConfirmation hours;

	NeedParticipantController(VolunteerDirectory volunteers, NeedHoursConfirmation hours) {
		this.volunteers = volunteers;
		this.hours = hours;
	}

	@BatchMapping(typeName = "NeedParticipant")
	List<String> name(List<NeedParticipant> participants) {
		Map<Long, String> names = this.volunteers
			.displayNames(participants.stream().map(NeedParticipant::getUserId).toList());
		return participants.stream().map(participant -> names.get(participant.getUserId())).toList();
	}

	/**
	 * The trail of {@code adjustNeedHours}, oldest first: one statement for the adjustments of every
	 * participant of the page's needs and a fixed few for the adjusters' names.
	 */
	@BatchMapping(typeName = "NeedParticipant")
	List<List<NeedHoursAdjustment>> hoursAdjustments(List<NeedParticipant> participants) {
		Map<Long, Map<Long, List<NeedHoursAdjustmentMapper.Row>>> byNeed = this.hours
			.adjustmentsOf(participants.stream().map(NeedParticipant::getNeedId).distinct().toList());
		Map<Long, String> names = this.volunteers.displayNames(byNeed.values()
			.stream()
			.flatMap(byUser -> byUser.values().stream())
			.flatMap(List::stream)
			.map(NeedHoursAdjustmentMapper.Row::adjustedBy)
			.toList());
		return participants.stream()
			.map(p -> byNeed.getOrDefault(p.getNeedId(), Map.of())
				.getOrDefault(p.getUserId(), List.of())
				.stream()
				.map(row -> new NeedHoursAdjustment(row.id(), row.hoursBefore(), row.hoursAfter(), row.reason(),
						row.adjustedBy(), names.getOrDefault(row.adjustedBy(), "用户 " + row.adjustedBy()),
						row.adjustedAt()))
				.toList())
			.toList();
	}

	/** GraphQL {@code NeedHoursAdjustment}; {@code hoursBefore} and {@code adjustedAt} null when backfilled by V60. */
	record NeedHoursAdjustment(long id, BigDecimal hoursBefore, BigDecimal hoursAfter, String reason, long adjustedBy,
			String adjustedByName, Instant adjustedAt) {
	}

}
