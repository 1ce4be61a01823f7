package cn.wenming.practice.volunteer;

import java.util.List;
import java.util.Map;

import cn.wenming.practice.shared.BeneficiaryCorrectionLine;

import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/**
 * Who recorded or corrected a 受益群众 count, by name: the trail showed an id, which told the
 * organisers nothing. The activity and need trails share the GraphQL type, so the names come from
 * here, through {@link VolunteerDirectory#displayNames} — one batch for all lines of a response.
 */
@Controller
class CorrectorNamesController {

	private final VolunteerDirectory directory;

	CorrectorNamesController(VolunteerDirectory directory) {
		this.directory = directory;
	}

	@BatchMapping(typeName = "BeneficiaryCorrection")
	List<String> correctedByName(List<BeneficiaryCorrectionLine> lines) {
		Map<Long, String> names = this.directory
			.displayNames(lines.stream().map(BeneficiaryCorrectionLine::correctedBy).toList());
		return lines.stream().map(line -> names.getOrDefault(line.correctedBy(), "用户 " + line.correctedBy())).toList();
	}

}
