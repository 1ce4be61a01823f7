package cn.wenming.practice.activity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import cn.wenming.practice.auth.AccessControl;
import cn.wenming.practice.shared.Connections;
import cn.wenming.practice.volunteer.VolunteerDirectory;
import cn.wenming.practice.volunteer.VolunteerProfile;
import graphql.relay.Connection;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Sign-ups (报名/候补), check-in and check-out (签到/签退) and hours, with the batched fields of a
 * sign-up and {@code Activity.mySignUp}. Rules and authorization live in {@link SignUpService}.
 */
@Controller
class SignUpController {

	private final SignUpService service;

	private final ActivityMapper activities;

	private final SignUpMapper signUps;

	private final VolunteerDirectory volunteers;

	private final AccessControl access;

	SignUpController(SignUpService service, ActivityMapper activities, SignUpMapper signUps,
			VolunteerDirectory volunteers, AccessControl access) {
		this.service = service;
		this.activities = activities;
		this.signUps = signUps;
		this.volunteers = volunteers;
		this.access = access;
	}

	/** {@code source}: a short lowercase token (menu, mp_upcoming, qr_2024 …); absent means direct. */
	@MutationMapping
	SignUp signUp(@Argument long activityId, @Argument @Pattern(regexp = "[a-z0-9_-]{1,20}") String source) {
		return this.service.signUp(activityId, source);
	}

	@MutationMapping
	SignUp cancelSignUp(@Argument long activityId) {
		return this.service.cancel(activityId);
	}

	@QueryMapping
	CheckInTokens.Issued activityCheckInCode(@Argument long activityId) {
		return this.service.checkInCode(activityId);
	}

	@MutationMapping
	SignUp checkIn(@Argument long activityId, @Argument @NotBlank @Size(max = 200) String token,
			@Argument @DecimalMin("-90") @DecimalMax("90") double latitude,
			@Argument @DecimalMin("-180") @DecimalMax("180") double longitude) {
		return this.service.checkIn(activityId, token, latitude, longitude);
	}

	@MutationMapping
	SignUp checkOut(@Argument long activityId, @Argument @NotBlank @Size(max = 200) String token,
			@Argument @DecimalMin("-90") @DecimalMax("90") double latitude,
			@Argument @DecimalMin("-180") @DecimalMax("180") double longitude) {
		return this.service.checkOut(activityId, token, latitude, longitude);
	}

	@MutationMapping
	List<SignUp> confirmHours(@Argument long activityId,
			@Argument @NotEmpty @Size(max = Connections.MAX_FIRST) List<Long> signUpIds) {
		return this.service.confirmHours(activityId, signUpIds);
	}

	@MutationMapping
	SignUp adjustHours(@Argument long signUpId, @Argument @DecimalMin("0") @DecimalMax("9999") double hours,
			@Argument @NotBlank @Size(max = 200) String reason) {
		return this.service.adjustHours(signUpId, BigDecimal.valueOf(hours), reason);
	}

	@MutationMapping
	SignUp revokeHours(@Argument long signUpId, @Argument @NotBlank @Size(max = 200) String reason) {
		return this.service.revokeHours(signUpId, reason);
	}

	@MutationMapping
	List<SignUp> markNoShow(@Argument long activityId,
			@Argument @NotEmpty @Size(max = Connections.MAX_FIRST) List<Long> signUpIds) {
		return this.service.markNoShow(activityId, signUpIds);
	}

	@QueryMapping
	Connection<SignUp> myActivities(@Argument @Min(0) @Max(Connections.MAX_FIRST) Integer first,
			@Argument String after) {
		return this.service.mine(first, after);
	}

	@QueryMapping
	Connection<SignUp> activitySignUps(@Argument long activityId, @Argument SignUpStatus status,
			@Argument @Min(0) @Max(Connections.MAX_FIRST) Integer first, @Argument String after) {
		return this.service.ofActivity(activityId, status, first, after);
	}

	/** Empty where the caller has no live sign-up (a batch list may not hold nulls; GraphQL unwraps it). */
	@BatchMapping(typeName = "Activity")
	List<Optional<SignUp>> mySignUp(List<Activity> list) {
		Long userId = this.access.currentUserId();
		if (userId == null) {
			return list.stream().map(a -> Optional.<SignUp>empty()).toList();
		}
		Map<Long, SignUp> byActivity = this.signUps
			.findLiveOfUser(userId, list.stream().map(Activity::getId).distinct().toList())
			.stream()
			.collect(Collectors.toMap(SignUp::getActivityId, Function.identity(), (a, b) -> a));
		return list.stream().map(a -> Optional.ofNullable(byActivity.get(a.getId()))).toList();
	}

	/** One statement for the page: the live waitlist place of its waitlisted sign-ups, null for the others. */
	@BatchMapping(typeName = "SignUp")
	List<Optional<Integer>> waitlistRank(List<SignUp> list) {
		List<Long> waiting = list.stream()
			.filter(s -> s.getStatus() == SignUpStatus.WAITLISTED)
			.map(SignUp::getId)
			.distinct()
			.toList();
		Map<Long, Integer> places = new HashMap<>();
		if (!waiting.isEmpty()) {
			for (Map<String, Object> row : this.signUps.waitlistPlaces(waiting)) {
				Map<String, Object> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
				byName.putAll(row);
				places.put(((Number) byName.get("sign_up_id")).longValue(), ((Number) byName.get("place")).intValue());
			}
		}
		return list.stream().map(s -> Optional.ofNullable(places.get(s.getId()))).toList();
	}

	/**
	 * The trail of {@code adjustHours}, oldest first: one statement for the page's adjustments and a
	 * fixed few for the adjusters' names. Shown wherever the sign-up is, as its hours and reason are.
	 */
	@BatchMapping(typeName = "SignUp")
	List<List<HoursAdjustment>> hoursAdjustments(List<SignUp> list) {
		Map<Long, List<HoursAdjustmentMapper.Row>> bySignUp = this.service
			.adjustmentsOf(list.stream().map(SignUp::getId).distinct().toList());
		Map<Long, String> names = this.volunteers.displayNames(bySignUp.values()
			.stream()
			.flatMap(List::stream)
			.map(HoursAdjustmentMapper.Row::adjustedBy)
			.toList());
		return list.stream()
			.map(s -> bySignUp.getOrDefault(s.getId(), List.of())
				.stream()
				.map(row -> new HoursAdjustment(row.id(), row.hoursBefore(), row.hoursAfter(), row.reason(),
						row.adjustedBy(), names.getOrDefault(row.adjustedBy(), "用户 " + row.adjustedBy()),
						row.adjustedAt()))
				.toList())
			.toList();
	}

	/** GraphQL {@code HoursAdjustment}; {@code hoursBefore} null when the sign-up had no hours yet. */
	record HoursAdjustment(long id, BigDecimal hoursBefore, BigDecimal hoursAfter, String reason, long adjustedBy,
			String adjustedByName, Instant adjustedAt) {
	}

	@BatchMapping(typeName = "SignUp")
	List<Activity> activity(List<SignUp> list) {
		Map<Long, Activity> byId = this.activities.findByIds(list.stream().map(SignUp::getActivityId).distinct().toList())
			.stream()
			.collect(Collectors.toMap(Activity::getId, Function.identity()));
		return list.stream().map(s -> byId.get(s.getActivityId())).toList();
	}

	@BatchMapping(typeName = "SignUp")
	List<VolunteerProfile> volunteer(List<SignUp> list) {
		Map<Long, VolunteerProfile> profiles = this.volunteers
			.profiles(list.stream().map(SignUp::getVolunteerId).toList());
		return list.stream().map(s -> profiles.get(s.getVolunteerId())).toList();
	}

}
