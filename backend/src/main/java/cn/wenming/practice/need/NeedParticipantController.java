package cn.wenming.practice.need;

import java.util.List;
import java.util.Map;

import cn.wenming.practice.volunteer.VolunteerDirectory;

import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code NeedParticipant.name}: who served, for the staff confirming or revoking their hours. Only
 * reached through {@code Need.participants}, which lists participants to privileged callers only;
 * the name itself is masked by the volunteer feature's rules.
 */
@Controller
class NeedParticipantController {

	private final VolunteerDirectory volunteers;

	NeedParticipantController(VolunteerDirectory volunteers) {
		this.volunteers = volunteers;
	}

	@BatchMapping(typeName = "NeedParticipant")
	List<String> name(List<NeedParticipant> participants) {
		Map<Long, String> names = this.volunteers
			.displayNames(participants.stream().map(NeedParticipant::getUserId).toList());
		return participants.stream().map(participant -> names.get(participant.getUserId())).toList();
	}

}
