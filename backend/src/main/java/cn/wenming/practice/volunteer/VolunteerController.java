package cn.wenming.practice.volunteer;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import cn.wenming.practice.org.OrgDirectory;
import cn.wenming.practice.org.OrgUnitRef;
import cn.wenming.practice.shared.Connections;
import graphql.relay.Connection;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * Volunteers: registration, training, the private {@code Volunteer} view and the fields of the
 * public {@code VolunteerProfile} (whichever feature returned it). Authorization is in
 * {@link VolunteerService}; list fields are loaded in batches.
 */
@Controller
class VolunteerController {

	private final VolunteerService service;

	private final VolunteerTagMapper tags;

	private final TrainingMapper trainings;

	private final OrgDirectory orgs;

	private final ObjectProvider<VolunteerServiceRecord> serviceRecords;

	private final Clock clock;

	VolunteerController(VolunteerService service, VolunteerTagMapper tags, TrainingMapper trainings,
			OrgDirectory orgs, ObjectProvider<VolunteerServiceRecord> serviceRecords, Clock clock) {
		this.serviceRecords = serviceRecords;
		this.clock = clock;
		this.service = service;
		this.tags = tags;
		this.trainings = trainings;
		this.orgs = orgs;
	}

	/** Input of {@code registerVolunteer}; the ID number's format is checked by {@link IdNumbers}. */
	record RegisterVolunteerInput(@NotBlank @Size(min = 2, max = 30) String realName,
			@NotNull @Size(max = 32) String idNumber, @NotNull Long homeStationId,
			@Size(max = 20) List<@NotNull @Size(max = 20) String> skills,
			@Size(max = 5) List<@NotNull ServiceCategory> categories, Boolean partyMember,
			Boolean inServicePartyMember) {

		VolunteerService.RegisterVolunteer command() {
			return new VolunteerService.RegisterVolunteer(this.realName, this.idNumber, this.homeStationId, this.skills,
					this.categories, this.partyMember, this.inServicePartyMember);
		}

	}

	/** Input of {@code recordTraining}. */
	record RecordTrainingInput(@NotNull Long volunteerId, @NotBlank @Size(max = 100) String course,
			@NotNull Instant completedAt, @Pattern(regexp = "[A-Za-z0-9_\\-]{8,64}") String idempotencyKey) {

		VolunteerService.RecordTraining command() {
			return new VolunteerService.RecordTraining(this.volunteerId, this.course, this.completedAt,
					this.idempotencyKey);
		}

	}

	@MutationMapping
	Volunteer registerVolunteer(@Argument @Valid RegisterVolunteerInput input) {
		return this.service.register(input.command());
	}

	@MutationMapping
	Volunteer recordTraining(@Argument @Valid RecordTrainingInput input) {
		return this.service.recordTraining(input.command());
	}

	/** Input of {@code setInServicePartyMember}. */
	record SetInServicePartyInput(@NotNull Long volunteerId, @NotNull Boolean inService,
			@NotBlank @Size(max = 200) String reason) {

		VolunteerService.SetInServiceParty command() {
			return new VolunteerService.SetInServiceParty(this.volunteerId, this.inService, this.reason);
		}

	}

	@MutationMapping
	Volunteer declareInServicePartyMember(@Argument boolean declared) {
		return this.service.declareInServiceParty(declared);
	}

	@MutationMapping
	Volunteer setInServicePartyMember(@Argument @Valid SetInServicePartyInput input) {
		return this.service.setInServiceParty(input.command());
	}

	@QueryMapping
	List<PartyChange> inServicePartyChanges(@Argument long volunteerId) {
		return this.service.partyChanges(volunteerId);
	}

	@QueryMapping
	Volunteer myVolunteer() {
		return this.service.mine();
	}

	@QueryMapping
	Volunteer volunteer(@Argument long id) {
		return this.service.byId(id);
	}

	@QueryMapping
	Connection<Volunteer> volunteers(@Argument long orgUnitId, @Argument Boolean trained,
			@Argument Boolean inServicePartyPending, @Argument @jakarta.validation.constraints.Size(max = 30) String search,
			@Argument @Min(0) @Max(Connections.MAX_FIRST) Integer first, @Argument String after) {
		return this.service.inSubtree(orgUnitId, trained, inServicePartyPending, search, first, after);
	}

	// --- Volunteer (private view): reachable only through the operations above, which authorize.

	@BatchMapping(typeName = "Volunteer")
	List<String> homeStationName(List<Volunteer> volunteers) {
		Map<Long, OrgUnitRef> units = this.orgs.findAll(volunteers.stream().map(Volunteer::getHomeStationId).toList());
		return volunteers.stream().map(v -> nameOf(units, v.getHomeStationId())).toList();
	}

	@BatchMapping(typeName = "Volunteer")
	List<List<String>> skills(List<Volunteer> volunteers) {
		Map<Long, Map<String, List<String>>> byVolunteer = tagsOf(volunteers.stream().map(Volunteer::getId).toList());
		return volunteers.stream().map(v -> tagList(byVolunteer, v.getId(), VolunteerTagMapper.SKILL)).toList();
	}

	@BatchMapping(typeName = "Volunteer")
	List<List<ServiceCategory>> categories(List<Volunteer> volunteers) {
		Map<Long, Map<String, List<String>>> byVolunteer = tagsOf(volunteers.stream().map(Volunteer::getId).toList());
		return volunteers.stream().map(v -> categoryList(byVolunteer, v.getId())).toList();
	}

	@BatchMapping(typeName = "Volunteer")
	List<List<Training>> trainings(List<Volunteer> volunteers) {
		Map<Long, List<Training>> byVolunteer = this.trainings
			.findByVolunteers(volunteers.stream().map(Volunteer::getId).toList())
			.stream()
			.collect(Collectors.groupingBy(Training::getVolunteerId));
		return volunteers.stream().map(v -> byVolunteer.getOrDefault(v.getId(), List.of())).toList();
	}

	/**
	 * {@code Volunteer.stats}; hours and counts of services come from the features that record them
	 * (activities, needs), added up.
	 */
	record Stats(BigDecimal creditHours, BigDecimal honorHours, BigDecimal hoursThisYear, BigDecimal pendingHours,
			int star, int activitiesCount, int needsCount) {
	}

	/** The county's calendar decides which year "this year" is. */
	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	@BatchMapping(typeName = "Volunteer")
	List<Stats> stats(List<Volunteer> volunteers) {
		int year = LocalDate.now(this.clock.withZone(CHINA)).getYear();
		Instant from = LocalDate.of(year, 1, 1).atStartOfDay(CHINA).toInstant();
		Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(CHINA).toInstant();
		List<Long> ids = volunteers.stream().map(Volunteer::getId).distinct().toList();
		// One query per recording feature for the whole page, whatever its size.
		Map<Long, VolunteerServiceRecord.Totals> totals = new HashMap<>();
		this.serviceRecords.orderedStream()
			.forEach(record -> record.totals(ids, from, to).forEach((id, t) -> totals.merge(id, t,
					VolunteerServiceRecord.Totals::plus)));
		return volunteers.stream().map(v -> {
			VolunteerServiceRecord.Totals t = totals.getOrDefault(v.getId(), VolunteerServiceRecord.Totals.NONE);
			return new Stats(v.getCreditHours(), v.getHonorHours(), t.hoursInPeriod(), t.pendingHours(),
					StarLevel.of(v.getCreditHours()), t.activitiesCount(), t.needsCount());
		}).toList();
	}

	@SchemaMapping(typeName = "Training")
	Instant recordedAt(Training training) {
		return training.getCreatedAt();
	}

	// --- VolunteerProfile (public view).

	@BatchMapping(typeName = "VolunteerProfile", field = "homeStationName")
	List<String> profileHomeStationName(List<VolunteerProfile> profiles) {
		Map<Long, OrgUnitRef> units = this.orgs.findAll(profiles.stream().map(VolunteerProfile::homeStationId).toList());
		return profiles.stream().map(p -> nameOf(units, p.homeStationId())).toList();
	}

	@BatchMapping(typeName = "VolunteerProfile", field = "skills")
	List<List<String>> profileSkills(List<VolunteerProfile> profiles) {
		Map<Long, Map<String, List<String>>> byVolunteer = tagsOf(profiles.stream().map(VolunteerProfile::id).toList());
		return profiles.stream().map(p -> tagList(byVolunteer, p.id(), VolunteerTagMapper.SKILL)).toList();
	}

	@BatchMapping(typeName = "VolunteerProfile", field = "categories")
	List<List<ServiceCategory>> profileCategories(List<VolunteerProfile> profiles) {
		Map<Long, Map<String, List<String>>> byVolunteer = tagsOf(profiles.stream().map(VolunteerProfile::id).toList());
		return profiles.stream().map(p -> categoryList(byVolunteer, p.id())).toList();
	}

	private Map<Long, Map<String, List<String>>> tagsOf(List<Long> volunteerIds) {
		List<Long> ids = volunteerIds.stream().distinct().toList();
		if (ids.isEmpty()) {
			return Map.of();
		}
		return this.tags.findByVolunteers(ids)
			.stream()
			.collect(Collectors.groupingBy(row -> row.volunteerId, Collectors.groupingBy(row -> row.kind,
					Collectors.mapping(row -> row.value, Collectors.toList()))));
	}

	private static List<String> tagList(Map<Long, Map<String, List<String>>> byVolunteer, Long id, String kind) {
		return byVolunteer.getOrDefault(id, Map.of()).getOrDefault(kind, List.of());
	}

	private static List<ServiceCategory> categoryList(Map<Long, Map<String, List<String>>> byVolunteer, Long id) {
		return tagList(byVolunteer, id, VolunteerTagMapper.CATEGORY).stream().map(ServiceCategory::valueOf).sorted().toList();
	}

	private static String nameOf(Map<Long, OrgUnitRef> units, Long unitId) {
		OrgUnitRef unit = units.get(unitId);
		return (unit != null) ? unit.name() : "";
	}


}
