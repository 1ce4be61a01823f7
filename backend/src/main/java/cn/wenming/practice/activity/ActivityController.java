package cn.wenming.practice.activity;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import cn.wenming.practice.auth.AccessControl;
import cn.wenming.practice.auth.Actor;
import cn.wenming.practice.org.OrgDirectory;
import cn.wenming.practice.org.OrgUnitRef;
import cn.wenming.practice.shared.Connections;
import cn.wenming.practice.volunteer.ServiceCategory;
import graphql.relay.Connection;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Activities (活动) and their life cycle, with the batched fields of an activity. Rules and
 * authorization live in {@link ActivityService}; every field of a list item that needs a query is
 * a {@code @BatchMapping}, so a page of activities costs a fixed number of statements. Sign-ups
 * are {@link SignUpController}'s, the project fields the project feature's.
 */
@Controller
class ActivityController {

	private final ActivityService service;

	private final ActivitySkillMapper skills;

	private final OrgDirectory orgs;

	private final ActivityBeneficiaries beneficiaries;

	private final AccessControl access;

	ActivityController(ActivityService service, ActivitySkillMapper skills, OrgDirectory orgs,
			ActivityBeneficiaries beneficiaries, AccessControl access) {
		this.service = service;
		this.skills = skills;
		this.orgs = orgs;
		this.beneficiaries = beneficiaries;
		this.access = access;
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
			@Size(max = 20) @Pattern(regexp = "[0-9+\\- ]*") String contactPhone, Long civilizedUnitId,
			@Pattern(regexp = "[A-Za-z0-9_\\-]{8,64}") String idempotencyKey) {

		/** An activity must end after it starts (reported as {@code input.endsAfterStart}). */
		@AssertTrue(message = "结束时间须晚于开始时间")
		public boolean isEndsAfterStart() {
			return this.startsAt == null || this.endsAt == null || this.endsAt.isAfter(this.startsAt);
		}

		ActivityService.CreateActivity toCommand() {
			return new ActivityService.CreateActivity(this.projectId, this.title, this.description, this.startsAt,
					this.endsAt, this.signUpDeadline, this.address, this.latitude, this.longitude, this.geofenceMeters,
					this.capacity, this.skills, Boolean.TRUE.equals(this.trainingRequired),
					Boolean.TRUE.equals(this.theoryLecture), this.contactName, this.contactPhone, this.civilizedUnitId,
					this.idempotencyKey);
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

		ActivityService.UpdateActivity toCommand() {
			return new ActivityService.UpdateActivity(this.title, this.description, this.startsAt, this.endsAt,
					this.signUpDeadline, this.address, this.latitude, this.longitude, this.geofenceMeters,
					this.capacity, this.skills, Boolean.TRUE.equals(this.trainingRequired),
					Boolean.TRUE.equals(this.theoryLecture), this.contactName, this.contactPhone);
		}

	}

	/** Input of {@code activities}. */
	record ActivityFilter(Long orgUnitId, ServiceCategory category, Instant from, Instant to, ActivityStatus status,
			@Size(max = 60) String search) {

		ActivityService.ActivitySearch toCommand() {
			return new ActivityService.ActivitySearch(this.orgUnitId, this.category, this.from, this.to, this.status,
					this.search);
		}

	}

	@MutationMapping
	Activity createActivity(@Argument @Valid CreateActivityInput input) {
		return this.service.create(input.toCommand());
	}

	@MutationMapping
	Activity updateActivity(@Argument long id, @Argument @Valid UpdateActivityInput input) {
		return this.service.update(id, input.toCommand());
	}

	@MutationMapping
	Activity publishActivity(@Argument long id) {
		return this.service.publish(id);
	}

	@MutationMapping
	Activity startActivity(@Argument long id) {
		return this.service.start(id);
	}

	@MutationMapping
	Activity finishActivity(@Argument long id, @Argument Integer beneficiaries) {
		// Checked before the move, so a bad count leaves the activity as it was.
		ActivityBeneficiaries.validate(beneficiaries);
		Activity finished = this.service.finish(id);
		return (beneficiaries == null) ? finished : this.beneficiaries.record(id, beneficiaries, null);
	}

	/** Input of {@code recordActivityBeneficiaries}. */
	record RecordActivityBeneficiariesInput(@NotNull Long activityId, @NotNull Integer count,
			@Size(max = 200) String reason) {
	}

	@MutationMapping
	Activity recordActivityBeneficiaries(@Argument @Valid RecordActivityBeneficiariesInput input) {
		return this.beneficiaries.record(input.activityId(), input.count(), input.reason());
	}

	/** The trail only to admins over the organising unit; everybody else sees the count alone. */
	@BatchMapping(typeName = "Activity")
	List<List<ActivityBeneficiaries.Correction>> beneficiaryCorrections(List<Activity> list) {
		Actor actor = this.access.currentActor();
		if (actor == null) {
			return list.stream().map(a -> List.<ActivityBeneficiaries.Correction>of()).toList();
		}
		Map<Long, OrgUnitRef> units = this.orgs.findAll(list.stream().map(Activity::getOrgUnitId).toList());
		List<Long> visible = list.stream()
			.filter(a -> units.get(a.getOrgUnitId()) != null && actor.isAdminOver(units.get(a.getOrgUnitId()).path()))
			.map(Activity::getId)
			.distinct()
			.toList();
		Map<Long, List<ActivityBeneficiaries.Correction>> byActivity = this.beneficiaries.correctionsOf(visible)
			.stream()
			.collect(Collectors.groupingBy(ActivityBeneficiaries.Correction::activityId));
		return list.stream().map(a -> byActivity.getOrDefault(a.getId(), List.of())).toList();
	}

	@MutationMapping
	Activity cancelActivity(@Argument long id, @Argument @Size(max = 200) String reason) {
		return this.service.cancel(id, reason);
	}

	@QueryMapping
	Activity activity(@Argument long id) {
		return this.service.byId(id);
	}

	@QueryMapping
	Connection<Activity> activities(@Argument @Valid ActivityFilter filter,
			@Argument @Min(0) @Max(Connections.MAX_FIRST) Integer first, @Argument String after) {
		return this.service.page((filter != null) ? filter.toCommand() : null, first, after);
	}

	@QueryMapping
	List<ActivityService.Nearby> nearbyActivities(@Argument @DecimalMin("-90") @DecimalMax("90") double latitude,
			@Argument @DecimalMin("-180") @DecimalMax("180") double longitude,
			@Argument @Min(1) @Max(50_000) Integer radiusMeters, @Argument Instant from, @Argument Instant to,
			@Argument @Min(0) @Max(Connections.MAX_FIRST) Integer first) {
		return this.service.nearby(latitude, longitude, (radiusMeters != null) ? radiusMeters : 5000, from, to,
				(first != null) ? first : Connections.DEFAULT_FIRST);
	}

	@BatchMapping(typeName = "Activity", field = "orgUnitName")
	List<String> activityOrgUnitName(List<Activity> list) {
		Map<Long, OrgUnitRef> units = this.orgs.findAll(list.stream().map(Activity::getOrgUnitId).toList());
		return list.stream().map(a -> units.get(a.getOrgUnitId())).map(u -> (u != null) ? u.name() : "").toList();
	}

	@BatchMapping(typeName = "Activity")
	List<List<String>> skills(List<Activity> list) {
		Map<Long, List<String>> byActivity = this.skills
			.findByActivities(list.stream().map(Activity::getId).distinct().toList())
			.stream()
			.collect(Collectors.groupingBy(row -> row.activityId,
					Collectors.mapping(row -> row.skill, Collectors.toList())));
		return list.stream().map(a -> byActivity.getOrDefault(a.getId(), List.<String>of())).toList();
	}

}
