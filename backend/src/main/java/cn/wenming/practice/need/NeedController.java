package cn.wenming.practice.need;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
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
import cn.wenming.practice.org.OrgDirectory;
import cn.wenming.practice.org.OrgUnitRef;
import cn.wenming.practice.shared.Connections;
import cn.wenming.practice.shared.Masking;
import graphql.relay.Connection;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * Needs over GraphQL. Private fields (contact name and phone, exact address and coordinates,
 * consent note) resolve to null unless the service marked the need visible to the caller; the
 * timeline and participants likewise. Every list child is a {@code @BatchMapping}.
 */
@Controller
class NeedController {

	/** Mainland mobile numbers, or landlines with an area code (0510-12345678). */
	static final String PHONE = "^(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8})$";

	private final NeedService service;

	private final NeedCategoryMapper categories;

	private final NeedHistoryMapper history;

	private final NeedParticipantMapper participants;

	private final OrgDirectory orgs;

	private final NeedSuggestions suggestions;

	private final Photos photos;

	NeedController(NeedService service, NeedCategoryMapper categories, NeedHistoryMapper history,
			NeedParticipantMapper participants, OrgDirectory orgs, NeedSuggestions suggestions, Photos photos) {
		this.service = service;
		this.photos = photos;
		this.suggestions = suggestions;
		this.categories = categories;
		this.history = history;
		this.participants = participants;
		this.orgs = orgs;
	}

	/** Input of {@code submitNeed}. */
	record SubmitNeedInput(@NotNull Long categoryId, @NotBlank @Size(max = 50) String title,
			@NotBlank @Size(max = 1000) String description, @NotNull BeneficiaryType beneficiaryType,
			@NotNull NeedUrgency urgency, @NotBlank @Size(max = 255) String address,
			@NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
			@NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude,
			@NotBlank @Size(max = 30) String contactName, @NotNull @Pattern(regexp = PHONE) String contactPhone,
			@Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}") String desiredDate, Long stationId, NeedSource source,
			@Size(max = 200) String consentNote, List<@NotNull Long> photoIds) {
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
			List<@NotNull Long> photoIds) {
	}

	/** Input of {@code rateNeed}. */
	record RateNeedInput(@NotNull Long needId, @NotNull @Min(1) @Max(5) Integer stars,
			@Size(max = 500) String comment) {
	}

	// --- Categories.

	@QueryMapping
	List<NeedCategory> needCategories(@Argument Boolean includeDisabled) {
		return this.service.categories(Boolean.TRUE.equals(includeDisabled));
	}

	@MutationMapping
	NeedCategory addNeedCategory(@Argument @NotBlank @Size(max = 20) String name) {
		return this.service.addCategory(name);
	}

	@MutationMapping
	NeedCategory renameNeedCategory(@Argument long id, @Argument @NotBlank @Size(max = 20) String name) {
		return this.service.renameCategory(id, name);
	}

	@MutationMapping
	NeedCategory disableNeedCategory(@Argument long id) {
		return this.service.disableCategory(id);
	}

	// --- Queries.

	@QueryMapping
	Need need(@Argument long id) {
		return this.service.find(id);
	}

	@QueryMapping
	Connection<Need> myNeeds(@Argument Integer first, @Argument String after) {
		return this.service.mine(Connections.page(first, after));
	}

	@QueryMapping
	Connection<Need> wishWall(@Argument long orgUnitId, @Argument Integer first, @Argument String after) {
		return this.service.wishWall(orgUnitId, Connections.page(first, after));
	}

	@QueryMapping
	Connection<Need> overdueNeeds(@Argument long orgUnitId, @Argument Integer first, @Argument String after) {
		return this.service.overdue(orgUnitId, Connections.page(first, after));
	}

	@QueryMapping
	Connection<Need> stationNeeds(@Argument long orgUnitId, @Argument NeedStatus status, @Argument Integer first,
			@Argument String after) {
		return this.service.stationNeeds(orgUnitId, status, Connections.page(first, after));
	}

	/** 派单建议 for an admin covering the need's station. */
	@QueryMapping
	List<NeedSuggestions.AssigneeSuggestion> suggestAssignees(@Argument long needId,
			@Argument @NotNull @Min(1) @Max(20) Integer first) {
		return this.suggestions.suggest(needId, first);
	}

	// --- The workflow.

	@MutationMapping
	Need submitNeed(@Argument @Valid SubmitNeedInput input) {
		return this.service.submit(input);
	}

	@MutationMapping
	Need publishNeed(@Argument long needId, @Argument @Size(max = 200) String note) {
		return this.service.publish(needId, note);
	}

	@MutationMapping
	Need rejectNeed(@Argument long needId, @Argument @NotBlank @Size(max = 200) String reason) {
		return this.service.reject(needId, reason);
	}

	@MutationMapping
	Need dispatchNeed(@Argument @Valid DispatchNeedInput input) {
		return this.service.dispatch(input);
	}

	@MutationMapping
	Need claimNeed(@Argument long needId, @Argument Long teamId, @Argument Long projectId) {
		return this.service.claim(needId, teamId, projectId);
	}

	@MutationMapping
	Need acceptNeed(@Argument long needId) {
		return this.service.accept(needId);
	}

	@MutationMapping
	Need declineNeed(@Argument long needId, @Argument @NotBlank @Size(max = 200) String reason) {
		return this.service.decline(needId, reason);
	}

	@MutationMapping
	Need startNeed(@Argument long needId) {
		return this.service.start(needId);
	}

	@MutationMapping
	Need completeNeed(@Argument @Valid CompleteNeedInput input) {
		return this.service.complete(input);
	}

	@MutationMapping
	Need rateNeed(@Argument @Valid RateNeedInput input) {
		return this.service.rate(input);
	}

	@MutationMapping
	Need reviewNeedText(@Argument long needId, @Argument NeedTextPart part, @Argument boolean approve) {
		return this.service.reviewText(needId, part, approve);
	}

	@MutationMapping
	Need cancelNeed(@Argument long needId, @Argument @Size(max = 200) String reason) {
		return this.service.cancel(needId, reason);
	}

	// --- Need fields.

	@SchemaMapping(typeName = "Need")
	String contactName(Need need) {
		return need.isPrivateVisible() ? need.getContactName() : null;
	}

	@SchemaMapping(typeName = "Need")
	String contactPhone(Need need) {
		return need.isPrivateVisible() ? need.getContactPhone() : null;
	}

	@SchemaMapping(typeName = "Need")
	String address(Need need) {
		return need.isPrivateVisible() ? need.getAddress() : null;
	}

	@SchemaMapping(typeName = "Need")
	BigDecimal latitude(Need need) {
		return need.isPrivateVisible() ? need.getLatitude() : null;
	}

	@SchemaMapping(typeName = "Need")
	BigDecimal longitude(Need need) {
		return need.isPrivateVisible() ? need.getLongitude() : null;
	}

	@SchemaMapping(typeName = "Need")
	String consentNote(Need need) {
		return need.isPrivateVisible() ? need.getConsentNote() : null;
	}

	/** A held note is for its author and the admins until reviewed. */
	@SchemaMapping(typeName = "Need")
	String completionNote(Need need) {
		return (need.getCompletionNoteHold() == null || need.isHeldNoteVisible()) ? need.getCompletionNote() : null;
	}

	/** A held comment is for the resident who wrote it and the admins until reviewed. */
	@SchemaMapping(typeName = "Need")
	String ratingComment(Need need) {
		return (need.getRatingCommentHold() == null || need.isHeldCommentVisible()) ? need.getRatingComment() : null;
	}

	@SchemaMapping(typeName = "Need")
	ContentHold contentHold(Need need) {
		return need.isPrivateVisible() ? need.getContentHold() : null;
	}

	@SchemaMapping(typeName = "Need")
	ContentHold completionNoteHold(Need need) {
		return need.isHeldNoteVisible() ? need.getCompletionNoteHold() : null;
	}

	@SchemaMapping(typeName = "Need")
	ContentHold ratingCommentHold(Need need) {
		return need.isHeldCommentVisible() ? need.getRatingCommentHold() : null;
	}

	@SchemaMapping(typeName = "Need")
	String maskedContactName(Need need) {
		return Masking.name(need.getContactName());
	}

	@SchemaMapping(typeName = "Need")
	String desiredDate(Need need) {
		return (need.getDesiredDate() == null) ? null : need.getDesiredDate().toString();
	}

	@BatchMapping(typeName = "Need")
	Map<Need, NeedCategory> category(List<Need> needs) {
		return categoriesOf(needs);
	}

	@BatchMapping(typeName = "Need")
	Map<Need, String> stationName(List<Need> needs) {
		return stationNamesOf(needs);
	}

	@BatchMapping(typeName = "Need")
	Map<Need, List<NeedHistory>> timeline(List<Need> needs) {
		Map<Long, List<NeedHistory>> byNeed = this.history
			.ofNeeds(needs.stream().filter(Need::isPrivateVisible).map(Need::getId).distinct().toList())
			.stream()
			.collect(Collectors.groupingBy(NeedHistory::getNeedId));
		return byKey(needs, need -> byNeed.getOrDefault(need.getId(), List.of()));
	}

	@BatchMapping(typeName = "Need")
	Map<Need, List<NeedParticipant>> participants(List<Need> needs) {
		Map<Long, List<NeedParticipant>> byNeed = this.participants
			.ofNeeds(needs.stream().filter(Need::isPrivateVisible).map(Need::getId).distinct().toList())
			.stream()
			.collect(Collectors.groupingBy(NeedParticipant::getNeedId));
		return byKey(needs, need -> byNeed.getOrDefault(need.getId(), List.of()));
	}

	/** The resident's photos: passed ones for whoever sees the private fields, and the caller's own. */
	@BatchMapping(typeName = "Need")
	Map<Need, List<PhotoView>> photos(List<Need> needs, java.security.Principal principal) {
		return photosOf(needs, PhotoSubject.NEED, principal);
	}

	@BatchMapping(typeName = "Need")
	Map<Need, List<PhotoView>> completionPhotos(List<Need> needs, java.security.Principal principal) {
		return photosOf(needs, PhotoSubject.NEED_COMPLETION, principal);
	}

	private Map<Need, List<PhotoView>> photosOf(List<Need> needs, PhotoSubject subject,
			java.security.Principal principal) {
		java.util.Set<Long> privileged = needs.stream()
			.filter(Need::isPrivateVisible)
			.map(Need::getId)
			.collect(Collectors.toSet());
		Map<Long, List<PhotoView>> byNeed = this.photos.visible(subject,
				needs.stream().map(Need::getId).distinct().toList(), userIdOf(principal), privileged::contains);
		return byKey(needs, need -> byNeed.getOrDefault(need.getId(), List.of()));
	}

	/** The caller's user id (the token's subject), or null when anonymous. */
	private static Long userIdOf(java.security.Principal principal) {
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

	// --- Wish fields (the public wish wall: no private field exists on this type).

	@SchemaMapping(typeName = "Wish", field = "maskedContactName")
	String wishMaskedContactName(Need need) {
		return Masking.name(need.getContactName());
	}

	@SchemaMapping(typeName = "Wish", field = "desiredDate")
	String wishDesiredDate(Need need) {
		return desiredDate(need);
	}

	@BatchMapping(typeName = "Wish", field = "category")
	Map<Need, NeedCategory> wishCategory(List<Need> needs) {
		return categoriesOf(needs);
	}

	@BatchMapping(typeName = "Wish", field = "stationName")
	Map<Need, String> wishStationName(List<Need> needs) {
		return stationNamesOf(needs);
	}

	private Map<Need, NeedCategory> categoriesOf(List<Need> needs) {
		Map<Long, NeedCategory> byId = this.categories
			.findByIds(needs.stream().map(Need::getCategoryId).distinct().toList())
			.stream()
			.collect(Collectors.toMap(NeedCategory::getId, Function.identity()));
		return byKey(needs, need -> byId.get(need.getCategoryId()));
	}

	private Map<Need, String> stationNamesOf(List<Need> needs) {
		Map<Long, OrgUnitRef> byId = this.orgs.findAll(needs.stream().map(Need::getStationId).toList());
		return byKey(needs, need -> {
			OrgUnitRef station = byId.get(need.getStationId());
			return (station == null) ? "" : station.name();
		});
	}

	private static <V> Map<Need, V> byKey(Collection<Need> needs, Function<Need, V> value) {
		Map<Need, V> out = new LinkedHashMap<>();
		needs.forEach(need -> out.put(need, value.apply(need)));
		return out;
	}

}
