package cn.wenming.practice.points;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import cn.wenming.practice.auth.AccessControl;
import cn.wenming.practice.auth.AppUser;
import cn.wenming.practice.volunteer.VolunteerDirectory;
import graphql.relay.Connection;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** {@code me.points}, the caller's ledger, and the admins' adjustments and reversals. */
@Controller
class PointsController {

	private final PointsService service;

	private final AccessControl access;

	private final VolunteerDirectory volunteers;

	PointsController(PointsService service, AccessControl access, VolunteerDirectory volunteers) {
		this.service = service;
		this.access = access;
		this.volunteers = volunteers;
	}

	/** GraphQL {@code Points}: whose they are; each field is loaded only when asked for. */
	record PointsView(long userId) {
	}

	/** Input of {@code adjustPoints}. */
	record AdjustPointsInput(@NotNull Long userId, @NotNull @Min(-1_000_000) @Max(1_000_000) Integer delta,
			@NotBlank @Size(max = 200) String reason,
			@NotNull @Pattern(regexp = "[A-Za-z0-9_\\-]{8,64}") String idempotencyKey) {
	}

	/** Points are private: only the user themself sees them on {@code User}. */
	@SchemaMapping(typeName = "User")
	PointsView points(AppUser user) {
		Long caller = this.access.currentUserId();
		return (caller != null && caller.equals(user.getId())) ? new PointsView(user.getId()) : null;
	}

	@SchemaMapping(typeName = "Points")
	int balance(PointsView points) {
		return this.service.balance(points.userId());
	}

	@SchemaMapping(typeName = "Points")
	int debt(PointsView points) {
		return this.service.debt(points.userId());
	}

	@SchemaMapping(typeName = "Points")
	int earnedThisYear(PointsView points) {
		return this.service.earnedThisYear(points.userId());
	}

	@SchemaMapping(typeName = "PointsEntry")
	PointsType type(PointsEntry entry) {
		return entry.getBusinessType();
	}

	@SchemaMapping(typeName = "PointsEntry")
	Long operatorUserId(PointsEntry entry) {
		return entry.getOperatorId();
	}

	@QueryMapping
	PointsView pointsOf(@Argument @NotNull Long userId) {
		return new PointsView(this.service.requireReadableAccount(userId));
	}

	@SchemaMapping(typeName = "Points")
	Connection<PointsEntry> entries(PointsView points, @Argument Integer first, @Argument String after) {
		return this.service.entriesOf(points.userId(), first, after);
	}

	/** By entry (a map: awards and redemptions have no operator, and a batch's list may not hold nulls). */
	@BatchMapping(typeName = "PointsEntry")
	Map<PointsEntry, String> operatorName(List<PointsEntry> entries) {
		Map<Long, String> names = this.volunteers
			.displayNames(entries.stream().map(PointsEntry::getOperatorId).filter(Objects::nonNull).toList());
		Map<PointsEntry, String> byEntry = new java.util.IdentityHashMap<>();
		entries.stream().filter(entry -> entry.getOperatorId() != null)
			.forEach(entry -> byEntry.put(entry, names.get(entry.getOperatorId())));
		return byEntry;
	}

	@BatchMapping(typeName = "PointsEntry")
	List<Boolean> reversed(List<PointsEntry> entries) {
		Set<Long> reversed = this.service.reversedAmong(entries.stream().map(PointsEntry::getId).toList());
		return entries.stream().map(entry -> reversed.contains(entry.getId())).toList();
	}

	@QueryMapping
	Connection<PointsEntry> pointsEntries(@Argument Integer first, @Argument String after) {
		return this.service.myEntries(first, after);
	}

	/**
	 * Center admins replay awards missed since {@code since} (at most a year back) and list accounts
	 * that disagree with their ledger.
	 */
	@MutationMapping
	PointsReconciler.Result reconcilePoints(@Argument @NotNull java.time.Instant since) {
		return this.service.reconcile(since);
	}

	@QueryMapping
	Connection<PointsRepairMapper.Recorded> pointsRepairs(@Argument @Min(0) @Max(100) Integer first,
			@Argument String after) {
		return this.service.repairs(first, after);
	}

	@BatchMapping(typeName = "PointsRepair")
	List<String> userName(List<PointsRepairMapper.Recorded> repairs) {
		Map<Long, String> names = this.volunteers
			.displayNames(repairs.stream().map(PointsRepairMapper.Recorded::userId).toList());
		return repairs.stream().map(r -> names.getOrDefault(r.userId(), "用户 " + r.userId())).toList();
	}

	/** By repair (a map: the schedule's repairs have no operator, and a batch's list may not hold nulls). */
	@BatchMapping(typeName = "PointsRepair", field = "operatorName")
	Map<PointsRepairMapper.Recorded, String> repairOperatorName(List<PointsRepairMapper.Recorded> repairs) {
		Map<Long, String> names = this.volunteers.displayNames(
				repairs.stream().map(PointsRepairMapper.Recorded::operatorId).filter(Objects::nonNull).toList());
		Map<PointsRepairMapper.Recorded, String> byRepair = new java.util.IdentityHashMap<>();
		repairs.stream().filter(r -> r.operatorId() != null)
			.forEach(r -> byRepair.put(r, names.get(r.operatorId())));
		return byRepair;
	}

	@MutationMapping
	PointsEntry adjustPoints(@Argument @Valid AdjustPointsInput input) {
		return this.service.adjust(
				new PointsService.Adjustment(input.userId(), input.delta(), input.reason(), input.idempotencyKey()));
	}

	@MutationMapping
	PointsEntry reversePointsEntry(@Argument @NotNull Long entryId, @Argument @NotBlank @Size(max = 200) String reason) {
		return this.service.reverse(entryId, reason);
	}

}
