package cn.wenming.practice.activity;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import cn.wenming.practice.auth.AccessControl;
import cn.wenming.practice.org.OrgDirectory;
import cn.wenming.practice.org.OrgUnitRef;
import cn.wenming.practice.shared.Connections;
import cn.wenming.practice.volunteer.ServiceCategory;
import cn.wenming.practice.volunteer.VolunteerDirectory;
import cn.wenming.practice.volunteer.VolunteerProfile;
import graphql.relay.Connection;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Projects, activities, sign-up, check-in and hours. Rules and authorization live in the
 * services; every field of a list item that needs a query is a {@code @BatchMapping}, so a page
 * of activities costs a fixed number of statements.
 */
@Controller
class ActivityController {

	private final ProjectService projectService;

	private final ActivityService activityService;

	private final SignUpService signUpService;

	private final ProjectMapper projects;

	private final ActivityMapper activities;

	private final ActivitySkillMapper skills;

	private final SignUpMapper signUps;

	private final OrgDirectory orgs;

	private final VolunteerDirectory volunteers;

	private final AccessControl access;

	ActivityController(ProjectService projectService, ActivityService activityService, SignUpService signUpService,
			ProjectMapper projects, ActivityMapper activities, ActivitySkillMapper skills, SignUpMapper signUps,
			OrgDirectory orgs, VolunteerDirectory volunteers, AccessControl access) {
		this.projectService = projectService;
		this.activityService = activityService;
		this.signUpService = signUpService;
		this.projects = projects;
		this.activities = activities;
		this.skills = skills;
		this.signUps = signUps;
		this.orgs = orgs;
		this.volunteers = volunteers;
		this.access = access;
	}

	/** Input of {@code createProject}. */
	record CreateProjectInput(@NotNull Long orgUnitId, Long teamId, @NotBlank @Size(max = 60) String name,
			@NotNull ServiceCategory category, @Size(max = 2000) String description, Boolean brand) {
	}

	/** Input of {@code updateProject}. */
	record UpdateProjectInput(@NotBlank @Size(max = 60) String name, @NotNull ServiceCategory category,
			@Size(max = 2000) String description, @NotNull Boolean brand, Long teamId) {
	}

	/** Input of {@code createActivity}. */
	record CreateActivityInput(@NotNull Long projectId, @NotBlank @Size(max = 100) String title,
			@Size(max = 5000) String description, @NotNull Instant startsAt, @NotNull Instant endsAt,
			Instant signUpDeadline, @NotBlank @Size(max = 200) String address,
			@NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
			@NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude,
			@Min(50) @Max(10000) Integer geofenceMeters, @NotNull @Min(1) @Max(10000) Integer capacity,
			@Size(max = 20) List<@NotBlank @Size(max = 20) String> skills, Boolean trainingRequired,
			Boolean theoryLecture, @Size(max = 30) String contactName,
			@Size(max = 20) @Pattern(regexp = "[0-9+\\- ]*") String contactPhone, Long civilizedUnitId) {

		/** An activity must end after it starts (reported as {@code input.endsAfterStart}). */
		@AssertTrue(message = "结束时间须晚于开始时间")
		public boolean isEndsAfterStart() {
			return this.startsAt == null || this.endsAt == null || this.endsAt.isAfter(this.startsAt);
		}

	}

	/** Input of {@code updateActivity}: every editable field (a full replacement, like updateProject). */
	record UpdateActivityInput(@NotBlank @Size(max = 100) String title, @Size(max = 5000) String description,
			@NotNull Instant startsAt, @NotNull Instant endsAt, Instant signUpDeadline,
			@NotBlank @Size(max = 200) String address, @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
			@NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude,
			@Min(50) @Max(10000) Integer geofenceMeters, @NotNull @Min(1) @Max(10000) Integer capacity,
			@Size(max = 20) List<@NotBlank @Size(max = 20) String> skills, Boolean trainingRequired,
			Boolean theoryLecture, @Size(max = 30) String contactName,
			@Size(max = 20) @Pattern(regexp = "[0-9+\\- ]*") String contactPhone) {

		/** An activity must end after it starts (reported as {@code input.endsAfterStart}). */
		@AssertTrue(message = "结束时间须晚于开始时间")
		public boolean isEndsAfterStart() {
			return this.startsAt == null || this.endsAt == null || this.endsAt.isAfter(this.startsAt);
		}

	}

	/** Input of {@code activities}. */
	record ActivityFilter(Long orgUnitId, ServiceCategory category, Instant from, Instant to, ActivityStatus status) {
	}

	// --- Projects.

	@MutationMapping
	Project createProject(@Argument @Valid CreateProjectInput input) {
		return this.projectService.create(input);
	}

	@MutationMapping
	Project updateProject(@Argument long id, @Argument @Valid UpdateProjectInput input) {
		return this.projectService.update(id, input);
	}

	@MutationMapping
	Project archiveProject(@Argument long id) {
		return this.projectService.archive(id);
	}

	@QueryMapping
	Project project(@Argument long id) {
		return this.projectService.byId(id);
	}

	@QueryMapping
	Connection<Project> projects(@Argument long orgUnitId, @Argument @Min(0) @Max(Connections.MAX_FIRST) Integer first,
			@Argument String after) {
		return this.projectService.inSubtree(orgUnitId, first, after);
	}

	// --- Activities.

	@MutationMapping
	Activity createActivity(@Argument @Valid CreateActivityInput input) {
		return this.activityService.create(input);
	}

	@MutationMapping
	Activity updateActivity(@Argument long id, @Argument @Valid UpdateActivityInput input) {
		return this.activityService.update(id, input);
	}

	@MutationMapping
	Activity publishActivity(@Argument long id) {
		return this.activityService.publish(id);
	}

	@MutationMapping
	Activity startActivity(@Argument long id) {
		return this.activityService.start(id);
	}

	@MutationMapping
	Activity finishActivity(@Argument long id) {
		return this.activityService.finish(id);
	}

	@MutationMapping
	Activity cancelActivity(@Argument long id) {
		return this.activityService.cancel(id);
	}

	@QueryMapping
	Activity activity(@Argument long id) {
		return this.activityService.byId(id);
	}

	@QueryMapping
	Connection<Activity> activities(@Argument ActivityFilter filter,
			@Argument @Min(0) @Max(Connections.MAX_FIRST) Integer first, @Argument String after) {
		return this.activityService.page(filter, first, after);
	}

	@QueryMapping
	List<ActivityService.Nearby> nearbyActivities(@Argument @DecimalMin("-90") @DecimalMax("90") double latitude,
			@Argument @DecimalMin("-180") @DecimalMax("180") double longitude,
			@Argument @Min(1) @Max(50_000) Integer radiusMeters, @Argument Instant from, @Argument Instant to,
			@Argument @Min(0) @Max(Connections.MAX_FIRST) Integer first) {
		return this.activityService.nearby(latitude, longitude, (radiusMeters != null) ? radiusMeters : 5000, from, to,
				(first != null) ? first : Connections.DEFAULT_FIRST);
	}

	// --- Sign-up, check-in, hours.

	/** {@code source}: a short lowercase token (menu, mp_upcoming, qr_2024 …); absent means direct. */
	@MutationMapping
	SignUp signUp(@Argument long activityId, @Argument @Pattern(regexp = "[a-z0-9_-]{1,20}") String source) {
		return this.signUpService.signUp(activityId, source);
	}

	@MutationMapping
	SignUp cancelSignUp(@Argument long activityId) {
		return this.signUpService.cancel(activityId);
	}

	@QueryMapping
	CheckInTokens.Issued activityCheckInCode(@Argument long activityId) {
		return this.signUpService.checkInCode(activityId);
	}

	@MutationMapping
	SignUp checkIn(@Argument long activityId, @Argument @NotBlank @Size(max = 200) String token,
			@Argument @DecimalMin("-90") @DecimalMax("90") double latitude,
			@Argument @DecimalMin("-180") @DecimalMax("180") double longitude) {
		return this.signUpService.checkIn(activityId, token, latitude, longitude);
	}

	@MutationMapping
	SignUp checkOut(@Argument long activityId, @Argument @NotBlank @Size(max = 200) String token,
			@Argument @DecimalMin("-90") @DecimalMax("90") double latitude,
			@Argument @DecimalMin("-180") @DecimalMax("180") double longitude) {
		return this.signUpService.checkOut(activityId, token, latitude, longitude);
	}

	@MutationMapping
	List<SignUp> confirmHours(@Argument long activityId,
			@Argument @NotEmpty @Size(max = Connections.MAX_FIRST) List<Long> signUpIds) {
		return this.signUpService.confirmHours(activityId, signUpIds);
	}

	@MutationMapping
	SignUp adjustHours(@Argument long signUpId, @Argument @DecimalMin("0") @DecimalMax("9999") double hours,
			@Argument @NotBlank @Size(max = 200) String reason) {
		return this.signUpService.adjustHours(signUpId, java.math.BigDecimal.valueOf(hours), reason);
	}

	@MutationMapping
	SignUp revokeHours(@Argument long signUpId, @Argument @NotBlank @Size(max = 200) String reason) {
		return this.signUpService.revokeHours(signUpId, reason);
	}

	@MutationMapping
	List<SignUp> markNoShow(@Argument long activityId,
			@Argument @NotEmpty @Size(max = Connections.MAX_FIRST) List<Long> signUpIds) {
		return this.signUpService.markNoShow(activityId, signUpIds);
	}

	@QueryMapping
	Connection<SignUp> myActivities(@Argument @Min(0) @Max(Connections.MAX_FIRST) Integer first,
			@Argument String after) {
		return this.signUpService.mine(first, after);
	}

	@QueryMapping
	Connection<SignUp> activitySignUps(@Argument long activityId, @Argument SignUpStatus status,
			@Argument @Min(0) @Max(Connections.MAX_FIRST) Integer first, @Argument String after) {
		return this.signUpService.ofActivity(activityId, status, first, after);
	}

	// --- Project fields.

	@BatchMapping(typeName = "Project")
	Map<Project, String> orgUnitName(List<Project> list) {
		Map<Long, OrgUnitRef> units = this.orgs.findAll(list.stream().map(Project::getOrgUnitId).toList());
		return toMap(list, p -> nameOf(units.get(p.getOrgUnitId())));
	}

	// --- Activity fields.

	@BatchMapping(typeName = "Activity")
	Map<Activity, Project> project(List<Activity> list) {
		Map<Long, Project> byId = this.projects.findByIds(list.stream().map(Activity::getProjectId).distinct().toList())
			.stream()
			.collect(Collectors.toMap(Project::getId, Function.identity()));
		return toMap(list, a -> byId.get(a.getProjectId()));
	}

	@BatchMapping(typeName = "Activity", field = "orgUnitName")
	Map<Activity, String> activityOrgUnitName(List<Activity> list) {
		Map<Long, OrgUnitRef> units = this.orgs.findAll(list.stream().map(Activity::getOrgUnitId).toList());
		return toMap(list, a -> nameOf(units.get(a.getOrgUnitId())));
	}

	@BatchMapping(typeName = "Activity")
	Map<Activity, List<String>> skills(List<Activity> list) {
		Map<Long, List<String>> byActivity = this.skills.findByActivities(ids(list))
			.stream()
			.collect(Collectors.groupingBy(row -> row.activityId,
					Collectors.mapping(row -> row.skill, Collectors.toList())));
		return toMap(list, a -> byActivity.getOrDefault(a.getId(), List.of()));
	}

	@BatchMapping(typeName = "Activity")
	Map<Activity, SignUp> mySignUp(List<Activity> list) {
		Long userId = this.access.currentUserId();
		if (userId == null) {
			return toMap(list, a -> null);
		}
		Map<Long, SignUp> byActivity = this.signUps.findLiveOfUser(userId, ids(list))
			.stream()
			.collect(Collectors.toMap(SignUp::getActivityId, Function.identity(), (a, b) -> a));
		return toMap(list, a -> byActivity.get(a.getId()));
	}

	// --- SignUp fields.

	@BatchMapping(typeName = "SignUp")
	Map<SignUp, Activity> activity(List<SignUp> list) {
		Map<Long, Activity> byId = this.activities.findByIds(list.stream().map(SignUp::getActivityId).distinct().toList())
			.stream()
			.collect(Collectors.toMap(Activity::getId, Function.identity()));
		return toMap(list, s -> byId.get(s.getActivityId()));
	}

	@BatchMapping(typeName = "SignUp")
	Map<SignUp, VolunteerProfile> volunteer(List<SignUp> list) {
		Map<Long, VolunteerProfile> profiles = this.volunteers
			.profiles(list.stream().map(SignUp::getVolunteerId).toList());
		return toMap(list, s -> profiles.get(s.getVolunteerId()));
	}

	// --- Helpers.

	private static String nameOf(OrgUnitRef unit) {
		return (unit != null) ? unit.name() : "";
	}

	private static List<Long> ids(List<Activity> list) {
		return list.stream().map(Activity::getId).distinct().toList();
	}

	private static <K, V> Map<K, V> toMap(List<K> keys, Function<K, V> value) {
		Map<K, V> result = new LinkedHashMap<>();
		keys.forEach(key -> result.put(key, value.apply(key)));
		return result;
	}

}
