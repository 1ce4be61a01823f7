package cn.wenming.practice.volunteer;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import cn.wenming.practice.auth.UserNicknames;
import cn.wenming.practice.org.OrgDirectory;
import cn.wenming.practice.org.OrgUnitRef;
import cn.wenming.practice.shared.ArgumentValidator;
import cn.wenming.practice.shared.RecordCorrections;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code recordStaffTraining}, {@code correctStaffTraining}, {@code staffTrainings} and the batched
 * fields of {@code StaffTraining} (attendees, the correction trail).
 */
@Controller
class StaffTrainingController {

	private final StaffTrainingService service;

	private final StaffTrainingMapper trainings;

	private final OrgDirectory orgs;

	private final UserNicknames nicknames;

	private final ArgumentValidator arguments;

	StaffTrainingController(StaffTrainingService service, StaffTrainingMapper trainings, OrgDirectory orgs,
			UserNicknames nicknames, ArgumentValidator arguments) {
		this.service = service;
		this.trainings = trainings;
		this.orgs = orgs;
		this.nicknames = nicknames;
		this.arguments = arguments;
	}

	/** Input of {@code recordStaffTraining}. */
	record RecordStaffTrainingInput(@NotNull Long orgUnitId,
			@NotNull @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}") String heldOn,
			@NotBlank @Size(max = 100) String topic, @NotEmpty @Size(max = 500) List<@NotNull Long> attendeeUserIds,
			@NotNull @Pattern(regexp = "[A-Za-z0-9_\\-]{8,64}") String idempotencyKey) {

		StaffTrainingService.RecordStaffTraining command() {
			return new StaffTrainingService.RecordStaffTraining(this.orgUnitId, this.heldOn, this.topic,
					this.attendeeUserIds, this.idempotencyKey);
		}

	}

	/** Input of {@code correctStaffTraining}. */
	record CorrectStaffTrainingInput(@NotNull Long staffTrainingId,
			@Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}") String heldOn, @Size(max = 100) String topic,
			@Size(min = 1, max = 500) List<@NotNull Long> attendeeUserIds, Boolean withdraw,
			@NotBlank @Size(max = 200) String reason,
			@NotNull @Pattern(regexp = "[A-Za-z0-9_\\-]{8,64}") String idempotencyKey) {

		StaffTrainingService.CorrectStaffTraining command() {
			return new StaffTrainingService.CorrectStaffTraining(this.staffTrainingId, this.heldOn, this.topic,
					this.attendeeUserIds, Boolean.TRUE.equals(this.withdraw), this.reason, this.idempotencyKey);
		}

	}

	/** GraphQL {@code StaffTrainingCorrection}; {@code after} is null when the session was withdrawn. */
	record Correction(long id, String action, String reason, StaffTrainingService.State before,
			StaffTrainingService.State after, long correctedBy, String correctedByName, java.time.Instant correctedAt) {
	}

	/** GraphQL {@code StaffTrainingAttendee}. */
	record Attendee(long userId, String nickname) {
	}

	@MutationMapping
	StaffTraining recordStaffTraining(@Argument @Valid RecordStaffTrainingInput input) {
		return this.service.record(input.command());
	}

	@MutationMapping
	StaffTraining correctStaffTraining(@Argument CorrectStaffTrainingInput input) {
		// The rights before the input's constraints (not @Valid): a caller without them gets FORBIDDEN whatever they send.
		this.service.requireMayCorrect(input.staffTrainingId());
		this.arguments.validate("input", input);
		return this.service.correct(input.command());
	}

	@SchemaMapping(typeName = "StaffTraining")
	boolean withdrawn(StaffTraining training) {
		return training.getWithdrawnAt() != null;
	}

	@BatchMapping(typeName = "StaffTraining")
	List<List<Correction>> corrections(List<StaffTraining> list) {
		List<StaffTrainingMapper.Correction> rows = this.trainings
			.correctionsOf(list.stream().map(StaffTraining::getId).distinct().toList());
		Map<Long, String> names = this.nicknames.of(rows.stream().map(StaffTrainingMapper.Correction::correctedBy).toList());
		Map<Long, List<Correction>> byTraining = rows.stream()
			.collect(Collectors.groupingBy(StaffTrainingMapper.Correction::trainingId, Collectors.mapping(
					c -> new Correction(c.id(), c.action(), c.reason(),
							RecordCorrections.fromJson(c.beforeState(), StaffTrainingService.State.class),
							RecordCorrections.fromJson(c.afterState(), StaffTrainingService.State.class), c.correctedBy(),
							names.get(c.correctedBy()), c.correctedAt()),
					Collectors.toList())));
		return list.stream().map(t -> byTraining.getOrDefault(t.getId(), List.of())).toList();
	}

	@QueryMapping
	List<StaffTraining> staffTrainings(@Argument long orgUnitId, @Argument @Min(2000) @Max(2100) int year) {
		return this.service.inSubtree(orgUnitId, year);
	}

	@SchemaMapping(typeName = "StaffTraining")
	String heldOn(StaffTraining training) {
		return training.getHeldOn().toString();
	}

	@BatchMapping(typeName = "StaffTraining")
	List<String> orgUnitName(List<StaffTraining> list) {
		Map<Long, OrgUnitRef> units = this.orgs.findAll(list.stream().map(StaffTraining::getOrgUnitId).toList());
		return list.stream().map(t -> units.get(t.getOrgUnitId())).map(u -> (u != null) ? u.name() : "").toList();
	}

	@BatchMapping(typeName = "StaffTraining")
	List<List<Attendee>> attendees(List<StaffTraining> list) {
		List<StaffTrainingMapper.Attendee> rows = this.trainings
			.attendeesOf(list.stream().map(StaffTraining::getId).distinct().toList());
		Map<Long, String> names = this.nicknames.of(rows.stream().map(StaffTrainingMapper.Attendee::userId).toList());
		Map<Long, List<Attendee>> byTraining = rows.stream()
			.collect(Collectors.groupingBy(StaffTrainingMapper.Attendee::trainingId,
					Collectors.mapping(a -> new Attendee(a.userId(), names.get(a.userId())), Collectors.toList())));
		return list.stream().map(t -> byTraining.getOrDefault(t.getId(), List.of())).toList();
	}

}
