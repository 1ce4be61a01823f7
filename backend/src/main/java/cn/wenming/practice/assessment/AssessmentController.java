package cn.wenming.practice.assessment;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code assessment(orgUnitId, year, month)}. */
@Controller
class AssessmentController {

	private final AssessmentService assessments;

	private final StaffTrainingCoverage coverage;

	AssessmentController(AssessmentService assessments, StaffTrainingCoverage coverage) {
		this.assessments = assessments;
		this.coverage = coverage;
	}

	@QueryMapping
	List<StaffTrainingCoverage.Person> staffTrainingCoverage(@Argument long orgUnitId,
			@Argument @Min(2000) @Max(2100) int year, @Argument @Min(1) @Max(12) int month,
			@Argument Boolean missingOnly) {
		return this.coverage.of(orgUnitId, year, month, !Boolean.FALSE.equals(missingOnly));
	}

	@QueryMapping
	Assessment assessment(@Argument long orgUnitId, @Argument @Min(2000) @Max(2100) int year,
			@Argument @Min(1) @Max(12) int month) {
		return this.assessments.assess(orgUnitId, year, month);
	}

}
