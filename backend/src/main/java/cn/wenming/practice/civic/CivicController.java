package cn.wenming.practice.civic;

import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import cn.wenming.practice.auth.AccessControl;
import cn.wenming.practice.media.PhotoSubject;
import cn.wenming.practice.media.PhotoView;
import cn.wenming.practice.media.Photos;
import cn.wenming.practice.org.OrgDirectory;
import cn.wenming.practice.org.OrgUnitRef;
import cn.wenming.practice.shared.Connections;
import cn.wenming.practice.team.TeamDirectory;
import cn.wenming.practice.team.TeamRef;
import cn.wenming.practice.volunteer.VolunteerDirectory;
import graphql.relay.Connection;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * 随手拍 over GraphQL. Authorization and the state machine are in {@link CivicReports}; statistics in
 * {@link CivicStatistics}. Station and team names, reporter names, photos and trails are batched.
 */
@Controller
class CivicController {

	private final CivicReports service;

	private final CivicStatistics statistics;

	private final OrgDirectory orgs;

	private final TeamDirectory teams;

	private final VolunteerDirectory volunteers;

	private final Photos photos;

	private final AccessControl access;

	CivicController(CivicReports service, CivicStatistics statistics, OrgDirectory orgs, TeamDirectory teams,
			VolunteerDirectory volunteers, Photos photos, AccessControl access) {
		this.service = service;
		this.statistics = statistics;
		this.orgs = orgs;
		this.teams = teams;
		this.volunteers = volunteers;
		this.photos = photos;
		this.access = access;
	}

	record SubmitCivicReportInput(@NotNull CivicCategory category, @NotBlank @Size(max = 500) String description,
			@Size(max = 9) List<Long> photoIds, @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
			@NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude,
			@NotBlank @Size(max = 200) String address, Long stationId,
			@NotNull @Pattern(regexp = "[A-Za-z0-9_\\-]{8,64}") String idempotencyKey) {
	}

	record TriageCivicReportInput(@NotNull Long reportId, @NotNull Boolean accept, @Size(max = 10) String deadlineOn,
			@Size(max = 200) String reason) {
	}

	record RouteCivicReportInput(@NotNull Long reportId, Long teamId, @Size(max = 60) String departmentName,
			@Size(max = 60) String departmentContact, @Size(max = 200) String note) {
	}

	record ResolveCivicReportInput(@NotNull Long reportId, @NotBlank @Size(max = 500) String note,
			@Size(max = 9) List<Long> photoIds) {
	}

	record VerifyCivicReportInput(@NotNull Long reportId, @NotNull Boolean approve, @Size(max = 200) String note) {
	}

	@MutationMapping
	CivicReportView submitCivicReport(@Argument @Valid SubmitCivicReportInput input) {
		return this.service.submit(new CivicReports.Submit(input.category(), input.description(), input.photoIds(),
				input.latitude(), input.longitude(), input.address(), input.stationId(), input.idempotencyKey()));
	}

	@MutationMapping
	CivicReportView triageCivicReport(@Argument @Valid TriageCivicReportInput input) {
		return this.service
			.triage(new CivicReports.Triage(input.reportId(), input.accept(), input.deadlineOn(), input.reason()));
	}

	@MutationMapping
	CivicReportView routeCivicReport(@Argument @Valid RouteCivicReportInput input) {
		return this.service.route(new CivicReports.Route(input.reportId(), input.teamId(), input.departmentName(),
				input.departmentContact(), input.note()));
	}

	@MutationMapping
	CivicReportView resolveCivicReport(@Argument @Valid ResolveCivicReportInput input) {
		return this.service.resolve(new CivicReports.Resolve(input.reportId(), input.note(), input.photoIds()));
	}

	@MutationMapping
	CivicReportView verifyCivicReport(@Argument @Valid VerifyCivicReportInput input) {
		return this.service.verify(new CivicReports.Verify(input.reportId(), input.approve(), input.note()));
	}

	@MutationMapping
	CivicReportView markCivicPhotosPublishable(@Argument long reportId, @Argument boolean publishable) {
		return this.service.markPhotosPublishable(reportId, publishable);
	}

	@QueryMapping
	CivicReportView civicReport(@Argument long id) {
		return this.service.find(id);
	}

	@QueryMapping
	Connection<CivicReportView> myCivicReports(@Argument @Min(0) @Max(Connections.MAX_FIRST) Integer first,
			@Argument String after) {
		return this.service.mine(first, after);
	}

	@QueryMapping
	Connection<CivicReportView> civicReports(@Argument long orgUnitId, @Argument CivicStatus status,
			@Argument @Min(0) @Max(Connections.MAX_FIRST) Integer first, @Argument String after) {
		return this.service.list(orgUnitId, status, first, after);
	}

	@QueryMapping
	List<CivicReportView> overdueCivicReports(@Argument long orgUnitId,
			@Argument @Min(0) @Max(Connections.MAX_FIRST) Integer first) {
		return this.service.overdue(orgUnitId, first);
	}

	@QueryMapping
	CivicStatistics.Monthly civicReportStatistics(@Argument long orgUnitId, @Argument @Min(2000) @Max(2100) int year,
			@Argument @Min(1) @Max(12) int month) {
		return this.statistics.monthly(orgUnitId, year, month);
	}

	@SchemaMapping(typeName = "CivicReport")
	String categoryLabel(CivicReportView report) {
		return report.category().label();
	}

	@SchemaMapping(typeName = "CivicReport")
	boolean mine(CivicReportView report) {
		Long me = this.access.currentUserId();
		return me != null && me == report.reporterUserId();
	}

	@BatchMapping(typeName = "CivicReport")
	List<String> stationName(List<CivicReportView> list) {
		Map<Long, OrgUnitRef> units = this.orgs.findAll(list.stream().map(CivicReportView::stationId).distinct().toList());
		return list.stream().map(r -> units.containsKey(r.stationId()) ? units.get(r.stationId()).name() : "").toList();
	}

	/** A map, not a list: reports routed to no team have no entry (a batch list cannot hold nulls). */
	@BatchMapping(typeName = "CivicReport")
	Map<CivicReportView, String> routedTeamName(List<CivicReportView> list) {
		List<Long> ids = list.stream().map(CivicReportView::routedTeamId).filter(java.util.Objects::nonNull).distinct().toList();
		Map<Long, TeamRef> found = ids.isEmpty() ? Map.of() : this.teams.findAll(ids);
		Map<CivicReportView, String> names = new java.util.HashMap<>();
		list.forEach(r -> {
			if (r.routedTeamId() != null && found.containsKey(r.routedTeamId())) {
				names.put(r, found.get(r.routedTeamId()).name());
			}
		});
		return names;
	}

	/** The reporter's name as {@code displayNames} gives it to the caller: masked unless self or covering staff. */
	@BatchMapping(typeName = "CivicReport")
	List<String> reporterName(List<CivicReportView> list) {
		Map<Long, String> names = this.volunteers
			.displayNames(list.stream().map(CivicReportView::reporterUserId).distinct().toList());
		return list.stream().map(r -> names.getOrDefault(r.reporterUserId(), "志愿者")).toList();
	}

	@BatchMapping(typeName = "CivicReport")
	List<List<PhotoView>> photos(List<CivicReportView> list, Principal principal) {
		return photosOf(list, PhotoSubject.CIVIC_REPORT, principal);
	}

	@BatchMapping(typeName = "CivicReport")
	List<List<PhotoView>> resolutionPhotos(List<CivicReportView> list, Principal principal) {
		return photosOf(list, PhotoSubject.CIVIC_RESOLUTION, principal);
	}

	/** The trail, for the staff covering the report; nobody else sees who handled it. */
	@BatchMapping(typeName = "CivicReport")
	List<List<CivicTransition>> history(List<CivicReportView> list) {
		List<Long> ids = list.stream().filter(CivicReportView::staff).map(CivicReportView::id).distinct().toList();
		Map<Long, List<CivicTransition>> byReport = this.service.history(ids)
			.stream()
			.collect(Collectors.groupingBy(CivicTransition::reportId));
		return list.stream().map(r -> r.staff() ? byReport.getOrDefault(r.id(), List.of()) : List.<CivicTransition>of())
			.toList();
	}

	@BatchMapping(typeName = "CivicReportTransition")
	List<String> actorName(List<CivicTransition> list) {
		Map<Long, String> names = this.volunteers
			.displayNames(list.stream().map(CivicTransition::actorUserId).distinct().toList());
		return list.stream().map(t -> names.getOrDefault(t.actorUserId(), "用户 " + t.actorUserId())).toList();
	}

	@SchemaMapping(typeName = "CivicReportTransition")
	Instant at(CivicTransition transition) {
		return transition.createdAt();
	}

	private List<List<PhotoView>> photosOf(List<CivicReportView> list, PhotoSubject subject, Principal principal) {
		Set<Long> visible = list.stream()
			.filter(r -> r.privileged() || CivicPhotoAccess.publicPhotos(r))
			.map(CivicReportView::id)
			.collect(Collectors.toSet());
		Map<Long, List<PhotoView>> byReport = this.photos.visible(subject,
				list.stream().map(CivicReportView::id).distinct().toList(), userIdOf(principal), visible::contains);
		return list.stream().map(r -> byReport.getOrDefault(r.id(), List.of())).toList();
	}

	private static Long userIdOf(Principal principal) {
		if (principal == null) {
			return null;
		}
		try {
			return Long.valueOf(principal.getName());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
