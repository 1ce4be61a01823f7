package cn.wenming.practice.volunteer;

import java.time.Instant;
import java.util.List;
import java.util.Map;
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

import cn.wenming.practice.shared.Connections;
import graphql.relay.Connection;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code recordHonorHours}: admins record honor hours (补录), {@code approveHonorHours} /
 * {@code revokeHonorHours}: another admin approves or revokes them, {@code pendingHonorHours}: what
 * waits for approval in an admin's area; {@code honorHoursRecords}: their history for the volunteer
 * and the admins covering them. Authorization is in {@link HonorHoursService}.
 */
@Controller
class HonorHoursController {

	private final HonorHoursService service;

	private final VolunteerDirectory directory;

	private final VolunteerMapper volunteers;

	HonorHoursController(HonorHoursService service, VolunteerDirectory directory, VolunteerMapper volunteers) {
		this.service = service;
		this.directory = directory;
		this.volunteers = volunteers;
	}

	/** Input of {@code recordHonorHours}; {@code serviceDate} is a calendar date, yyyy-MM-dd. */
	record RecordHonorHoursInput(@NotNull Long volunteerId,
			@NotNull @DecimalMin("0.01") @DecimalMax("1000") Double hours,
			@NotBlank @Size(max = 200) String reason,
			@NotNull @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}") String serviceDate,
			@NotNull @Pattern(regexp = "[A-Za-z0-9_\\-]{8,64}") String idempotencyKey) {

		HonorHoursService.RecordHonorHours command() {
			return new HonorHoursService.RecordHonorHours(this.volunteerId, this.hours, this.reason, this.serviceDate,
					this.idempotencyKey);
		}

	}

	@MutationMapping
	Volunteer recordHonorHours(@Argument @Valid RecordHonorHoursInput input) {
		return this.service.record(input.command());
	}

	@MutationMapping
	HonorHours approveHonorHours(@Argument long id) {
		return this.service.approve(id);
	}

	@MutationMapping
	HonorHours revokeHonorHours(@Argument long id, @Argument @NotBlank @Size(max = 200) String reason) {
		return this.service.revoke(id, reason);
	}

	@QueryMapping
	Connection<HonorHours> pendingHonorHours(@Argument long orgUnitId,
			@Argument @Min(0) @Max(Connections.MAX_FIRST) Integer first, @Argument String after) {
		return this.service.pending(orgUnitId, first, after);
	}

	@QueryMapping
	Connection<HonorHours> honorHoursRecords(@Argument long volunteerId,
			@Argument @Min(0) @Max(Connections.MAX_FIRST) Integer first, @Argument String after) {
		return this.service.records(volunteerId, first, after);
	}

	@SchemaMapping(typeName = "HonorHoursRecord")
	String serviceDate(HonorHours record) {
		return record.getServiceDate().toString();
	}

	@SchemaMapping(typeName = "HonorHoursRecord")
	Long approvedById(HonorHours record) {
		return record.getApprovedBy();
	}

	@SchemaMapping(typeName = "HonorHoursRecord")
	Long recordedById(HonorHours record) {
		return record.getRecordedBy();
	}

	@SchemaMapping(typeName = "HonorHoursRecord")
	Long revokedById(HonorHours record) {
		return record.getRevokedBy();
	}

	@BatchMapping(typeName = "HonorHoursRecord")
	List<String> recordedByName(List<HonorHours> records) {
		Map<Long, String> names = this.directory.displayNames(records.stream().map(HonorHours::getRecordedBy).toList());
		return records.stream().map(record -> names.get(record.getRecordedBy())).toList();
	}

	@BatchMapping(typeName = "HonorHoursRecord")
	List<String> volunteerName(List<HonorHours> records) {
		Map<Long, Long> userIds = this.volunteers
			.findByIds(records.stream().map(HonorHours::getVolunteerId).distinct().toList())
			.stream()
			.collect(Collectors.toMap(Volunteer::getId, Volunteer::getUserId));
		Map<Long, String> names = this.directory.displayNames(userIds.values());
		return records.stream().map(record -> names.get(userIds.get(record.getVolunteerId()))).toList();
	}

	@SchemaMapping(typeName = "HonorHoursRecord")
	Instant recordedAt(HonorHours record) {
		return record.getCreatedAt();
	}

}
