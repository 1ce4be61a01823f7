package cn.wenming.practice.lecture;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import cn.wenming.practice.org.OrgDirectory;
import cn.wenming.practice.org.OrgUnitRef;
import cn.wenming.practice.shared.Connections;
import cn.wenming.practice.volunteer.VolunteerDirectory;
import cn.wenming.practice.volunteer.VolunteerRef;
import graphql.relay.Connection;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * 理论宣讲: the registry ({@code registerLecturer}, {@code createLectureGroup}, {@code lecturers},
 * {@code lectureGroups}), the lectures ({@code recordLecture}, {@code lectures}) and the assessment
 * figure's drill-down ({@code assessedLectures}). Authorization is in {@link LectureService} and
 * {@link LectureStatistics}; names, units, members and speakers are batched.
 */
@Controller
class LectureController {

	private final LectureService service;

	private final LectureStatistics statistics;

	private final LecturerMapper lecturers;

	private final LectureGroupMapper groups;

	private final LectureMapper lectures;

	private final OrgDirectory orgs;

	private final VolunteerDirectory volunteers;

	LectureController(LectureService service, LectureStatistics statistics, LecturerMapper lecturers,
			LectureGroupMapper groups, LectureMapper lectures, OrgDirectory orgs, VolunteerDirectory volunteers) {
		this.service = service;
		this.statistics = statistics;
		this.lecturers = lecturers;
		this.groups = groups;
		this.lectures = lectures;
		this.orgs = orgs;
		this.volunteers = volunteers;
	}

	record RegisterLecturerInput(@NotNull Long volunteerId, @NotNull Long orgUnitId,
			@NotEmpty @Size(max = 10) List<@NotBlank @Size(max = 20) String> topics) {
	}

	record CreateLectureGroupInput(@NotNull Long orgUnitId, @NotBlank @Size(max = 60) String name,
			@NotNull @Size(max = 100) List<Long> lecturerIds) {
	}

	record RecordLectureInput(@NotNull Long orgUnitId, @NotBlank @Size(max = 100) String topic,
			@NotBlank @Size(max = 100) String place, @NotNull @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}") String heldOn,
			@NotNull @Min(0) @Max(100000) Integer audience, @Size(max = 20) List<Long> lecturerIds, Long groupId,
			Long activityId, @NotNull @Pattern(regexp = "[A-Za-z0-9_\\-]{8,64}") String idempotencyKey) {
	}

	@MutationMapping
	LecturerView registerLecturer(@Argument @Valid RegisterLecturerInput input) {
		return this.service.register(
				new LectureService.RegisterLecturer(input.volunteerId(), input.orgUnitId(), input.topics()));
	}

	@MutationMapping
	LectureGroupView createLectureGroup(@Argument @Valid CreateLectureGroupInput input) {
		return this.service
			.createGroup(new LectureService.CreateGroup(input.orgUnitId(), input.name(), input.lecturerIds()));
	}

	@MutationMapping
	LectureView recordLecture(@Argument @Valid RecordLectureInput input) {
		return this.service.record(new LectureService.RecordLecture(input.orgUnitId(), input.topic(), input.place(),
				input.heldOn(), input.audience(), input.lecturerIds(), input.groupId(), input.activityId(),
				input.idempotencyKey()));
	}

	@QueryMapping
	Connection<LecturerView> lecturers(@Argument long orgUnitId,
			@Argument @Min(0) @Max(Connections.MAX_FIRST) Integer first, @Argument String after) {
		return this.service.lecturers(orgUnitId, first, after);
	}

	@QueryMapping
	Connection<LectureGroupView> lectureGroups(@Argument long orgUnitId,
			@Argument @Min(0) @Max(Connections.MAX_FIRST) Integer first, @Argument String after) {
		return this.service.groups(orgUnitId, first, after);
	}

	@QueryMapping
	Connection<LectureView> lectures(@Argument long orgUnitId,
			@Argument @Min(0) @Max(Connections.MAX_FIRST) Integer first, @Argument String after) {
		return this.service.lectures(orgUnitId, first, after);
	}

	@QueryMapping
	List<AssessedLecture> assessedLectures(@Argument long orgUnitId, @Argument @Min(2000) @Max(2100) int year,
			@Argument @Min(1) @Max(12) int month) {
		return this.statistics.assessed(orgUnitId, year, month);
	}

	@BatchMapping(typeName = "Lecturer")
	List<String> name(List<LecturerView> list) {
		Map<Long, VolunteerRef> refs = this.volunteers.findAll(list.stream().map(LecturerView::volunteerId).toList());
		Map<Long, String> names = this.volunteers
			.displayNames(refs.values().stream().map(VolunteerRef::userId).toList());
		return list.stream().map(l -> {
			VolunteerRef ref = refs.get(l.volunteerId());
			String name = (ref == null) ? null : names.get(ref.userId());
			return (name == null) ? "志愿者 " + l.volunteerId() : name;
		}).toList();
	}

	@BatchMapping(typeName = "Lecturer", field = "orgUnitName")
	List<String> lecturerUnitName(List<LecturerView> list) {
		return unitNames(list.stream().map(LecturerView::orgUnitId).toList());
	}

	@BatchMapping(typeName = "LectureGroup", field = "orgUnitName")
	List<String> groupUnitName(List<LectureGroupView> list) {
		return unitNames(list.stream().map(LectureGroupView::orgUnitId).toList());
	}

	@BatchMapping(typeName = "Lecture", field = "orgUnitName")
	List<String> lectureUnitName(List<LectureView> list) {
		return unitNames(list.stream().map(LectureView::orgUnitId).toList());
	}

	@BatchMapping(typeName = "LectureGroup")
	List<List<LecturerView>> members(List<LectureGroupView> list) {
		return linked(list.stream().map(LectureGroupView::id).toList(), this.groups::members);
	}

	@BatchMapping(typeName = "Lecture")
	List<List<LecturerView>> speakers(List<LectureView> list) {
		return linked(list.stream().map(LectureView::id).toList(), this.lectures::speakers);
	}

	@BatchMapping(typeName = "Lecture")
	Map<LectureView, LectureGroupView> group(List<LectureView> list) {
		Map<Long, LectureGroupView> found = this.groups
			.findByIds(list.stream().map(LectureView::groupId).filter(java.util.Objects::nonNull).toList())
			.stream()
			.collect(Collectors.toMap(g -> g.id, LectureGroup::view));
		Map<LectureView, LectureGroupView> result = new HashMap<>();
		list.forEach(l -> {
			if (l.groupId() != null && found.containsKey(l.groupId())) {
				result.put(l, found.get(l.groupId()));
			}
		});
		return result;
	}

	private List<String> unitNames(List<Long> ids) {
		Map<Long, OrgUnitRef> units = this.orgs.findAll(ids.stream().distinct().toList());
		return ids.stream().map(id -> units.containsKey(id) ? units.get(id).name() : "").toList();
	}

	/** Lecturers of each owner (group or lecture) in two statements: the links, then the lecturers. */
	private List<List<LecturerView>> linked(List<Long> ownerIds,
			Function<Collection<Long>, List<LectureGroupMapper.LecturerLink>> links) {
		List<LectureGroupMapper.LecturerLink> rows = ownerIds.isEmpty() ? List.of() : links.apply(ownerIds);
		Map<Long, LecturerView> byId = this.lecturers.findByIds(rows.stream().map(LectureGroupMapper.LecturerLink::lecturerId).toList())
			.stream()
			.collect(Collectors.toMap(l -> l.id, Lecturer::view));
		Map<Long, List<LecturerView>> byOwner = rows.stream()
			.filter(row -> byId.containsKey(row.lecturerId()))
			.collect(Collectors.groupingBy(LectureGroupMapper.LecturerLink::ownerId,
					Collectors.mapping(row -> byId.get(row.lecturerId()), Collectors.toList())));
		return ownerIds.stream().map(id -> byOwner.getOrDefault(id, List.of())).toList();
	}

}
