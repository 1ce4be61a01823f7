package cn.wenming.practice.report;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * 工作报告: {@code draftReport}, {@code editReport}, {@code publishReport}, {@code correctReport},
 * {@code workReport}, {@code workReports} and {@code reportsReceived}. Authorization is in
 * {@link ReportService}; unit names are batched.
 */
@Controller
class ReportController {

	private final ReportService service;

	ReportController(ReportService service) {
		this.service = service;
	}

	record DraftReportInput(@NotNull Long orgUnitId, @NotNull ReportKind kind,
			@NotBlank @Size(max = 10) String period) {
	}

	record EditReportInput(@NotNull Long id, @Size(max = 2000) String highlights,
			@Size(max = 20) List<Long> highlightedActivityIds) {
	}

	record CorrectReportInput(@NotNull Long id, @NotBlank @Size(max = 200) String reason) {
	}

	@MutationMapping
	ReportView draftReport(@Argument @Valid DraftReportInput input) {
		return this.service.draft(new ReportService.DraftReport(input.orgUnitId(), input.kind(), input.period()));
	}

	@MutationMapping
	ReportView editReport(@Argument @Valid EditReportInput input) {
		return this.service
			.edit(new ReportService.EditReport(input.id(), input.highlights(), input.highlightedActivityIds()));
	}

	@MutationMapping
	ReportView publishReport(@Argument long id) {
		return this.service.publish(id);
	}

	@MutationMapping
	ReportView correctReport(@Argument @Valid CorrectReportInput input) {
		return this.service.correct(new ReportService.CorrectReport(input.id(), input.reason()));
	}

	@QueryMapping
	ReportView workReport(@Argument long id) {
		return this.service.get(id);
	}

	@QueryMapping
	List<ReportView> workReports(@Argument long orgUnitId, @Argument ReportKind kind) {
		return this.service.ofUnit(orgUnitId, kind);
	}

	@QueryMapping
	ReceivedReports reportsReceived(@Argument long orgUnitId, @Argument ReportKind kind,
			@Argument @Size(max = 10) String period) {
		return this.service.received(orgUnitId, kind, period);
	}

	@BatchMapping(typeName = "WorkReport")
	List<String> orgUnitName(List<ReportView> list) {
		Map<Long, String> names = this.service.unitNames(list.stream().map(ReportView::orgUnitId).toList());
		return list.stream().map(r -> names.getOrDefault(r.orgUnitId(), "")).toList();
	}

}
