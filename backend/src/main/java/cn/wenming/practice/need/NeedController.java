package cn.wenming.practice.need;

import java.math.BigDecimal;
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
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import cn.wenming.practice.media.PhotoSubject;
import cn.wenming.practice.media.PhotoView;
import cn.wenming.practice.media.Photos;
import cn.wenming.practice.shared.Connections;
import graphql.relay.Connection;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * Needs over GraphQL. The services return {@link NeedView}s already masked for the caller by
 * {@link NeedVisibility}; the timeline, participants and photos follow the view's
 * {@code privileged}. Every list child is a {@code @BatchMapping} returning values in source order.
 */
@Controller
class NeedController {

	/** Mainland mobile numbers, or landlines with an area code (0510-12345678). */
	static final String PHONE = "^(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8})$";

	private final NeedQueries queries;

	private final NeedSubmission submission;

	private final NeedReview review;

	private final NeedAssignment assignment;

	private final NeedCompletion completion;

	private final NeedClosing closing;

	private final NeedSuggestions suggestions;

	private final NeedLabels labels;

	private final NeedHistoryMapper history;

	private final NeedParticipantMapper participants;

	private final Photos photos;

	private final NeedHoursConfirmation hoursConfirmation;

	private final NeedBeneficiaries beneficiaries;

	NeedController(NeedQueries queries, NeedSubmission submission, NeedReview review, NeedAssignment assignment,
			NeedCompletion completion, NeedClosing closing, NeedSuggestions suggestions, NeedLabels labels,
			NeedHistoryMapper history, NeedParticipantMapper participants, Photos photos, NeedHoursConfirmation hoursConfirmation,
			NeedBeneficiaries beneficiaries) {
		this.beneficiaries = beneficiaries;
		this.queries = queries;
		this.submission = submission;
		this.review = review;
		this.assignment = assignment;
		this.completion = completion;
		this.closing = closing;
		this.suggestions = suggestions;
		this.labels = labels;
		this.history = history;
		this.participants = participants;
		this.photos = photos;
		this.hoursConfirmation = hoursConfirmation;
	}

	/** Input of {@code submitNeed}. */
	record SubmitNeedInput(@NotNull Long categoryId, @NotBlank @Size(max = 50) String title,
			@NotBlank @Size(max = 1000) String description, @NotNull BeneficiaryType beneficiaryType,
			@NotNull NeedUrgency urgency, @NotBlank @Size(max = 255) String address,
			@NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
			@NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude,
			@NotBlank @Size(max = 30) String contactName, @NotNull @Pattern(regexp = PHONE) String contactPhone,
			@Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}") String desiredDate, Long stationId, NeedSource source,
			@Size(max = 200) String consentNote, List<@NotNull Long> photoIds,
			@NotNull @Pattern(regexp = "[A-Za-z0-9_\\-]{8,64}") String idempotencyKey) {
	}

	/** Input of {@code dispatchNeed}. */
	record DispatchNeedInput(@NotNull Long needId, Long teamId, Long volunteerUserId, @NotNull Instant deadline,
			Long projectId) {
	}

	/** One participant of {@code completeNeed}. */
	record NeedParticipantInput(@NotNull Long userId, @NotNull @DecimalMin("0.5") @DecimalMax("24") Double hours) {
	}

	/** Input of {@code completeNeed}. */
	record CompleteNeedInput(@NotNull Long needId, @NotBlank @Size(max = 1000) String note,
			@NotEmpty @Size(max = 50) List<@NotNull @Valid NeedParticipantInput> participants,
			List<@NotNull Long> photoIds, Integer beneficiaries) {
	}

	/** Input of {@code rateNeed}. */
	record RateNeedInput(@NotNull Long needId, @NotNull @Min(1) @Max(5) Integer stars,
			@Size(max = 500) String comment) {
	}

	/** Input of {@code adjustNeedHours}. */
	record AdjustNeedHoursInput(@NotNull Long needId, @NotNull Long participantUserId,
			@NotNull @DecimalMin("0") @DecimalMax("24") BigDecimal hours, @NotBlank @Size(max = 200) String reason) {
	}

	/** Input of {@code revokeNeedHours}. */
	record RevokeNeedHoursInput(@NotNull Long needId, @NotNull Long volunteerId,
			@NotBlank @Size(max = 200) String reason) {
	}

	/** Input of {@code recordNeedRevisit}. */
	record NeedRevisitInput(@NotNull Long needId, @NotNull @Min(1) @Max(5) Integer stars,
			@NotBlank @Size(max = 500) String note) {
	}

	// --- Queries.

	@QueryMapping
	NeedView need(@Argument long id) {
		return this.queries.find(id);
	}

	@QueryMapping
	Connection<NeedView> myNeeds(@Argument Integer first, @Argument String after) {
		return this.queries.mine(Connections.page(first, after));
	}

	@QueryMapping
	Connection<NeedView> overdueNeeds(@Argument long orgUnitId, @Argument Integer first, @Argument String after) {
		return this.queries.overdue(orgUnitId, Connections.page(first, after));
	}

	@QueryMapping
	Connection<NeedView> stationNeeds(@Argument long orgUnitId, @Argument NeedStatus status, @Argument NeedOrder order,
			@Argument Integer first, @Argument String after) {
		if (order == NeedOrder.DUE) {
			return this.queries.stationNeedsDue(orgUnitId, status, Connections.page(first, null).first(),
					Connections.offset(after));
		}
		return this.queries.stationNeeds(orgUnitId, status, Connections.page(first, after));
	}

	/** The deadline of the need's current stage (computed, no query). */
	@SchemaMapping(typeName = "Need")
	java.time.Instant stageDeadlineAt(NeedView need) {
		return this.queries.stageDeadline(need);
	}

	/** 派单建议 for an admin covering the need's station. */
	@QueryMapping
	List<NeedSuggestions.AssigneeSuggestion> suggestAssignees(@Argument long needId,
			@Argument @NotNull @Min(1) @Max(20) Integer first) {
		return this.suggestions.suggest(needId, first);
	}

	// --- The workflow.

	@MutationMapping
	NeedView submitNeed(@Argument @Valid SubmitNeedInput input) {
		return this.submission.submit(new SubmitNeed(input.categoryId(), input.title(), input.description(),
				input.beneficiaryType(), input.urgency(), input.address(), input.latitude(), input.longitude(),
				input.contactName(), input.contactPhone(), input.desiredDate(), input.stationId(), input.source(),
				input.consentNote(), input.photoIds(), input.idempotencyKey()));
	}

	@MutationMapping
	NeedView publishNeed(@Argument long needId, @Argument @Size(max = 200) String note) {
		return this.review.publish(needId, note);
	}

	@MutationMapping
	NeedView rejectNeed(@Argument long needId, @Argument @NotBlank @Size(max = 200) String reason) {
		return this.review.reject(needId, reason);
	}

	@MutationMapping
	NeedView dispatchNeed(@Argument @Valid DispatchNeedInput input) {
		return this.assignment.dispatch(new DispatchNeed(input.needId(), input.teamId(), input.volunteerUserId(),
				input.deadline(), input.projectId()));
	}

	@MutationMapping
	NeedView claimNeed(@Argument long needId, @Argument Long teamId, @Argument Long projectId) {
		return this.assignment.claim(new ClaimNeed(needId, teamId, projectId));
	}

	@MutationMapping
	NeedView acceptNeed(@Argument long needId) {
		return this.assignment.accept(needId);
	}

	@MutationMapping
	NeedView declineNeed(@Argument long needId, @Argument @NotBlank @Size(max = 200) String reason) {
		return this.assignment.decline(needId, reason);
	}

	@MutationMapping
	NeedView startNeed(@Argument long needId) {
		return this.assignment.start(needId);
	}

	@MutationMapping
	NeedView completeNeed(@Argument @Valid CompleteNeedInput input) {
		return this.completion.complete(new CompleteNeed(input.needId(), input.note(),
				input.participants().stream().map(p -> new CompleteNeed.Participant(p.userId(), p.hours())).toList(),
				input.photoIds(), input.beneficiaries()));
	}

	@MutationMapping
	NeedView confirmNeedHours(@Argument long needId, @Argument Integer beneficiaries) {
		if (beneficiaries != null) {
			// Checked and settled before the hours, so a refused count leaves the hours pending.
			NeedBeneficiaries.validate(beneficiaries);
			this.beneficiaries.confirm(needId, beneficiaries);
		}
		return this.hoursConfirmation.confirm(needId);
	}

	/** Input of {@code correctNeedBeneficiaries}. */
	record CorrectNeedBeneficiariesInput(@NotNull Long needId, @NotNull Integer count,
			@NotBlank @Size(max = 200) String reason) {
	}

	@MutationMapping
	NeedView correctNeedBeneficiaries(@Argument @Valid CorrectNeedBeneficiariesInput input) {
		return this.beneficiaries.correct(input.needId(), input.count(), input.reason());
	}

	@MutationMapping
	NeedView adjustNeedHours(@Argument @Valid AdjustNeedHoursInput input) {
		return this.hoursConfirmation.adjust(
				new AdjustNeedHours(input.needId(), input.participantUserId(), input.hours(), input.reason()));
	}

	@MutationMapping
	NeedView revokeNeedHours(@Argument @Valid RevokeNeedHoursInput input) {
		return this.hoursConfirmation.revoke(new RevokeNeedHours(input.needId(), input.volunteerId(), input.reason()));
	}

	@QueryMapping
	Connection<NeedView> pendingNeedHours(@Argument long orgUnitId, @Argument Integer first, @Argument String after) {
		return this.queries.pendingHours(orgUnitId, Connections.page(first, after));
	}

	@MutationMapping
	NeedView rateNeed(@Argument @Valid RateNeedInput input) {
		return this.closing.rate(new RateNeed(input.needId(), input.stars(), input.comment()));
	}

	@MutationMapping
	NeedView recordNeedRevisit(@Argument @Valid NeedRevisitInput input) {
		return this.closing.revisit(new RecordNeedRevisit(input.needId(), input.stars(), input.note()));
	}

	@MutationMapping
	NeedView reviewNeedText(@Argument long needId, @Argument NeedTextPart part, @Argument boolean approve) {
		return this.review.reviewText(needId, part, approve);
	}

	@MutationMapping
	NeedView cancelNeed(@Argument long needId, @Argument @Size(max = 200) String reason) {
		return this.closing.cancel(needId, reason);
	}

	// --- Need fields (the scalar ones are the view's own, masked already).

	@BatchMapping(typeName = "Need")
	List<NeedCategory> category(List<NeedView> needs) {
		return this.labels.categories(needs.stream().map(NeedView::categoryId).toList());
	}

	@BatchMapping(typeName = "Need")
	List<String> stationName(List<NeedView> needs) {
		return this.labels.stationNames(needs.stream().map(NeedView::stationId).toList());
	}

	@BatchMapping(typeName = "Need")
	List<List<NeedHistory>> timeline(List<NeedView> needs) {
		Map<Long, List<NeedHistory>> byNeed = this.history.ofNeeds(privilegedIds(needs))
			.stream()
			.collect(Collectors.groupingBy(NeedHistory::getNeedId));
		return needs.stream().map(need -> byNeed.getOrDefault(need.id(), List.of())).toList();
	}

	@BatchMapping(typeName = "Need")
	List<List<NeedParticipant>> participants(List<NeedView> needs) {
		Map<Long, List<NeedParticipant>> byNeed = this.participants.ofNeeds(privilegedIds(needs))
			.stream()
			.collect(Collectors.groupingBy(NeedParticipant::getNeedId));
		return needs.stream().map(need -> byNeed.getOrDefault(need.id(), List.of())).toList();
	}

	/** Who changed the 受益群众 count and why: for those who see the need's private fields. */
	@BatchMapping(typeName = "Need")
	List<List<NeedBeneficiaries.Correction>> beneficiaryCorrections(List<NeedView> needs) {
		Map<Long, List<NeedBeneficiaries.Correction>> byNeed = this.beneficiaries.correctionsOf(privilegedIds(needs))
			.stream()
			.collect(Collectors.groupingBy(NeedBeneficiaries.Correction::needId));
		return needs.stream().map(need -> byNeed.getOrDefault(need.id(), List.of())).toList();
	}

	@SchemaMapping(typeName = "NeedParticipant")
	Long revokedById(NeedParticipant participant) {
		return participant.getRevokedBy();
	}

	/** The resident's photos: passed ones for whoever sees the private fields, and the caller's own. */
	@BatchMapping(typeName = "Need")
	List<List<PhotoView>> photos(List<NeedView> needs, Principal principal) {
		return photosOf(needs, PhotoSubject.NEED, principal);
	}

	@BatchMapping(typeName = "Need")
	List<List<PhotoView>> completionPhotos(List<NeedView> needs, Principal principal) {
		return photosOf(needs, PhotoSubject.NEED_COMPLETION, principal);
	}

	private List<List<PhotoView>> photosOf(List<NeedView> needs, PhotoSubject subject, Principal principal) {
		Set<Long> privileged = Set.copyOf(privilegedIds(needs));
		Map<Long, List<PhotoView>> byNeed = this.photos.visible(subject,
				needs.stream().map(NeedView::id).distinct().toList(), userIdOf(principal), privileged::contains);
		return needs.stream().map(need -> byNeed.getOrDefault(need.id(), List.of())).toList();
	}

	private static List<Long> privilegedIds(List<NeedView> needs) {
		return needs.stream().filter(NeedView::privileged).map(NeedView::id).distinct().toList();
	}

	/** The caller's user id (the token's subject), or null when anonymous. */
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

	@SchemaMapping(typeName = "NeedTransition")
	Instant at(NeedHistory row) {
		return row.getCreatedAt();
	}

}
