package cn.wenming.practice.evaluation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

import cn.wenming.practice.evaluation.EvaluationViews.CorrectionView;
import cn.wenming.practice.evaluation.EvaluationViews.PeerReviewState;
import cn.wenming.practice.evaluation.EvaluationViews.PeerReviewSummary;
import cn.wenming.practice.evaluation.EvaluationViews.PeerReviewView;
import cn.wenming.practice.evaluation.EvaluationViews.SpotCheckState;
import cn.wenming.practice.evaluation.EvaluationViews.SpotCheckView;
import cn.wenming.practice.shared.ArgumentValidator;
import cn.wenming.practice.shared.Connections;
import cn.wenming.practice.shared.DomainException;
import graphql.relay.Connection;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * 站互评 ({@code submitPeerReview}, {@code peerReviewsGiven}, {@code peerReviewSummary}, the items) and
 * 抽查评估 ({@code recordSpotCheck}, {@code spotChecks}). Authorization is in {@link EvaluationService};
 * names, scores and items are read in one batch per list. Corrections ({@code correctSpotCheck},
 * {@code correctPeerReview}) and their trails are in {@link EvaluationCorrectionService}.
 */
@Controller
class EvaluationController {

	private final EvaluationService service;

	private final EvaluationCorrectionService corrections;

	private final ArgumentValidator arguments;

	EvaluationController(EvaluationService service, EvaluationCorrectionService corrections, ArgumentValidator arguments) {
		this.service = service;
		this.corrections = corrections;
		this.arguments = arguments;
	}

	record CorrectSpotCheckInput(@NotNull Long spotCheckId, @Size(min = 1, max = 30) List<@Valid @NotNull SpotCheckItemInput> items,
			@Size(max = 1000) String findings, Boolean withdraw, @NotBlank @Size(max = 200) String reason,
			@NotNull @Pattern(regexp = "[A-Za-z0-9_\\-]{8,64}") String idempotencyKey) {
	}

	record CorrectPeerReviewInput(@NotNull Long peerReviewId,
			@Size(min = 1, max = 20) List<@Valid @NotNull PeerReviewScoreInput> scores, @Size(max = 300) String comment,
			Boolean withdraw, @NotBlank @Size(max = 200) String reason,
			@NotNull @Pattern(regexp = "[A-Za-z0-9_\\-]{8,64}") String idempotencyKey) {
	}

	record PeerReviewScoreInput(@NotNull Long itemId, @NotNull @Min(1) @Max(5) Integer score) {
	}

	record SubmitPeerReviewInput(@NotNull Long reviewerStationId, @NotNull Long reviewedStationId,
			@NotEmpty @Size(max = 20) List<@Valid @NotNull PeerReviewScoreInput> scores,
			@Size(max = 300) String comment) {
	}

	record SpotCheckItemInput(@NotBlank @Size(max = 30) String name,
			@NotNull @DecimalMin("0") @DecimalMax("1000") Double score,
			@NotNull @DecimalMin("0.1") @DecimalMax("1000") Double maxScore) {
	}

	record RecordSpotCheckInput(@NotNull Long stationId,
			@NotNull @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}") String checkedOn,
			@NotEmpty @Size(max = 30) List<@Valid @NotNull SpotCheckItemInput> items,
			@Size(max = 1000) String findings, @NotNull @Pattern(regexp = "[A-Za-z0-9_\\-]{8,64}") String idempotencyKey) {
	}

	@QueryMapping
	List<PeerReviewItem.View> peerReviewItems(@Argument Boolean includeDisabled) {
		return this.service.items(Boolean.TRUE.equals(includeDisabled));
	}

	@MutationMapping
	PeerReviewItem.View addPeerReviewItem(@Argument @NotBlank @Size(max = 30) String name) {
		return this.service.addItem(name);
	}

	@MutationMapping
	PeerReviewItem.View setPeerReviewItemEnabled(@Argument long id, @Argument boolean enabled) {
		return this.service.setItemEnabled(id, enabled);
	}

	@MutationMapping
	PeerReviewView submitPeerReview(@Argument @Valid SubmitPeerReviewInput input) {
		Map<Long, Integer> scores = scoreMap(input.scores());
		return this.service.submit(new EvaluationService.SubmitPeerReview(input.reviewerStationId(),
				input.reviewedStationId(), scores, input.comment()));
	}

	@QueryMapping
	List<PeerReviewView> peerReviewsGiven(@Argument long stationId, @Argument String period) {
		return this.service.given(stationId, period);
	}

	@QueryMapping
	List<PeerReviewSummary> peerReviewSummary(@Argument long orgUnitId, @Argument String period) {
		return this.service.summary(orgUnitId, period);
	}

	@MutationMapping
	SpotCheckView recordSpotCheck(@Argument @Valid RecordSpotCheckInput input) {
		return this.service.recordSpotCheck(new EvaluationService.RecordSpotCheck(input.stationId(), input.checkedOn(),
				input.items()
					.stream()
					.map(i -> new EvaluationService.RecordSpotCheck.Item(i.name(), i.score(), i.maxScore()))
					.toList(),
				input.findings(), input.idempotencyKey()));
	}

	@QueryMapping
	Connection<SpotCheckView> spotChecks(@Argument long orgUnitId,
			@Argument @Min(0) @Max(Connections.MAX_FIRST) Integer first, @Argument String after) {
		return this.service.spotChecks(orgUnitId, first, after);
	}

	@MutationMapping
	SpotCheckView correctSpotCheck(@Argument CorrectSpotCheckInput input) {
		// The rights before the input's constraints (not @Valid): a caller without them gets FORBIDDEN whatever they send.
		this.corrections.requireMayCorrectSpotCheck(input.spotCheckId());
		this.arguments.validate("input", input);
		return this.corrections.correctSpotCheck(new EvaluationCorrectionService.CorrectSpotCheck(input.spotCheckId(),
				(input.items() == null) ? null : input.items()
					.stream()
					.map(i -> new EvaluationService.RecordSpotCheck.Item(i.name(), i.score(), i.maxScore()))
					.toList(),
				input.findings(), Boolean.TRUE.equals(input.withdraw()), input.reason(), input.idempotencyKey()));
	}

	@MutationMapping
	PeerReviewView correctPeerReview(@Argument CorrectPeerReviewInput input) {
		// The rights before the input's constraints (not @Valid) and the duplicate items check in scoreMap.
		this.corrections.requireMayCorrectPeerReview(input.peerReviewId());
		this.arguments.validate("input", input);
		return this.corrections.correctPeerReview(new EvaluationCorrectionService.CorrectPeerReview(input.peerReviewId(),
				(input.scores() == null) ? null : scoreMap(input.scores()), input.comment(),
				Boolean.TRUE.equals(input.withdraw()), input.reason(), input.idempotencyKey()));
	}

	@BatchMapping(typeName = "SpotCheck")
	List<List<CorrectionView<SpotCheckState>>> corrections(List<SpotCheckView> checks) {
		var trails = this.corrections.spotCheckTrails(checks.stream().map(SpotCheckView::id).distinct().toList());
		return checks.stream().map(c -> trails.getOrDefault(c.id(), List.of())).toList();
	}

	@BatchMapping(typeName = "PeerReview", field = "corrections")
	List<List<CorrectionView<PeerReviewState>>> peerReviewCorrections(List<PeerReviewView> reviews) {
		var trails = this.corrections.peerReviewTrails(reviews.stream().map(PeerReviewView::id).distinct().toList());
		return reviews.stream().map(r -> trails.getOrDefault(r.id(), List.of())).toList();
	}

	private static Map<Long, Integer> scoreMap(List<PeerReviewScoreInput> input) {
		Map<Long, Integer> scores = new LinkedHashMap<>();
		for (PeerReviewScoreInput score : input) {
			if (scores.put(score.itemId(), score.score()) != null) {
				throw new DomainException(EvaluationError.PEER_REVIEW_ITEMS_MISMATCH);
			}
		}
		return scores;
	}

}
