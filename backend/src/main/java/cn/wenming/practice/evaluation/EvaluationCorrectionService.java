package cn.wenming.practice.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

import cn.wenming.practice.auth.AccessControl;
import cn.wenming.practice.auth.Actor;
import cn.wenming.practice.auth.Role;
import cn.wenming.practice.auth.UserNicknames;
import cn.wenming.practice.evaluation.EvaluationViews.CorrectionView;
import cn.wenming.practice.evaluation.EvaluationViews.PeerReviewState;
import cn.wenming.practice.evaluation.EvaluationViews.PeerReviewView;
import cn.wenming.practice.evaluation.EvaluationViews.ScoreView;
import cn.wenming.practice.evaluation.EvaluationViews.SpotCheckItemView;
import cn.wenming.practice.evaluation.EvaluationViews.SpotCheckState;
import cn.wenming.practice.evaluation.EvaluationViews.SpotCheckView;
import cn.wenming.practice.org.OrgDirectory;
import cn.wenming.practice.org.OrgUnitRef;
import cn.wenming.practice.shared.CommonError;
import cn.wenming.practice.shared.ContentSecurity;
import cn.wenming.practice.shared.DeadlockRetry;
import cn.wenming.practice.shared.DomainException;
import cn.wenming.practice.shared.RecordCorrections;
import cn.wenming.practice.shared.RecordCorrections.Action;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Corrections of 抽查评估 and 站互评 once recorded: change the scores or the notes, or withdraw the
 * record (it stays readable with its trail; no figure counts it). Whoever could record it may correct
 * it — a city or center admin over the station for a spot check, the reviewing station's 站长 for a
 * peer review — but never an admin of the station being judged. Each correction keeps a trail entry
 * (who, when, why, before → after) and is idempotent by its key, which is the corrector's own: the
 * unique index on (corrector, key) lets one of any number of concurrent requests of one corrector
 * write; their retry with the same input gets the record as it is, their key with other input is
 * {@code IDEMPOTENCY_KEY_REUSED}; another corrector's key of the same string is independent of it.
 * The rights are checked before anything of the input (reason, changes, key): a caller without them
 * gets {@code FORBIDDEN} (or {@code NOT_FOUND} for no such record) whatever they send, never a
 * validation error.
 */
@Service
class EvaluationCorrectionService {

	private static final Logger log = LoggerFactory.getLogger(EvaluationCorrectionService.class);

	private final EvaluationService evaluations;

	private final SpotCheckMapper spotChecks;

	private final PeerReviewMapper reviews;

	private final EvaluationCorrectionMapper corrections;

	private final OrgDirectory orgs;

	private final AccessControl access;

	private final ContentSecurity content;

	private final UserNicknames nicknames;

	private final TransactionTemplate tx;

	private final Clock clock;

	EvaluationCorrectionService(EvaluationService evaluations, SpotCheckMapper spotChecks, PeerReviewMapper reviews,
			EvaluationCorrectionMapper corrections, OrgDirectory orgs, AccessControl access, ContentSecurity content,
			UserNicknames nicknames, TransactionTemplate tx, Clock clock) {
		this.evaluations = evaluations;
		this.spotChecks = spotChecks;
		this.reviews = reviews;
		this.corrections = corrections;
		this.orgs = orgs;
		this.access = access;
		this.content = content;
		this.nicknames = nicknames;
		this.tx = tx;
		this.clock = clock;
	}

	/**
	 * A spot check's correction: {@code items} replaces all items (null keeps them), {@code findings}
	 * replaces the findings (null keeps them, blank clears them); or {@code withdraw} with neither.
	 */
	record CorrectSpotCheck(long spotCheckId, List<EvaluationService.RecordSpotCheck.Item> items, String findings,
			boolean withdraw, String reason, String idempotencyKey) {
	}

	/**
	 * A peer review's correction: {@code scores} (item → 1–5, the items the review was scored on; null
	 * keeps them), {@code comment} (null keeps, blank clears); or {@code withdraw} with neither.
	 */
	record CorrectPeerReview(long peerReviewId, Map<Long, Integer> scores, String comment, boolean withdraw,
			String reason, String idempotencyKey) {
	}

	// ---- 抽查评估

	SpotCheckView correctSpotCheck(CorrectSpotCheck input) {
		// The rights first, whatever the input: a caller without them learns nothing from its validation.
		Actor actor = requireMayCorrectSpotCheck(input.spotCheckId());
		String reason = RecordCorrections.reason(input.reason());
		requireWithdrawAlone(input.withdraw(), input.items() != null || input.findings() != null);
		List<SpotCheckMapper.Item> items = (input.items() == null) ? null : spotCheckItems(input.items());
		String findings = (input.findings() == null) ? null : input.findings().strip();
		String digest = RecordCorrections.digest("SPOT_CHECK", input.spotCheckId(), actor.userId(), input.withdraw(),
				(items == null) ? null : items.stream().map(i -> i.name() + "=" + i.score() + "/" + i.maxScore()).toList(),
				findings, reason);
		Supplier<SpotCheckView> current = () -> this.evaluations
			.spotCheckViews(List.of(this.spotChecks.selectById(input.spotCheckId()))).get(0);
		var earlier = this.corrections.spotCheckByKey(actor.userId(), input.idempotencyKey());
		if (earlier != null) {
			return repeat(earlier, input.spotCheckId(), digest, current);
		}
		String openid = this.access.openidOf(actor.userId());
		this.content.requirePass(openid, ContentSecurity.Scene.COMMENT, null, reason);
		if (items != null || (findings != null && !findings.isEmpty())) {
			List<String> texts = new ArrayList<>();
			if (items != null) {
				items.forEach(i -> texts.add(i.name()));
			}
			if (findings != null && !findings.isEmpty()) {
				texts.add(findings);
			}
			this.content.requirePass(openid, ContentSecurity.Scene.COMMENT, null, String.join("\n", texts));
		}
		try {
			// The key is looked up by a plain read, the transaction's first consistent one, made once the
			// record's lock is granted: it sees what a request that held the lock before committed. A locking
			// read would lock the index gap where no entry is yet, and one corrector's corrections of
			// different records at once then deadlocked on their inserts (two of eight in a test). A
			// deadlock left (InnoDB rolls the victim back whole) is run again.
			DeadlockRetry.run(3, log, "Correcting spot check " + input.spotCheckId(), () -> this.tx.execute(status -> {
				SpotCheck locked = this.spotChecks.lockById(input.spotCheckId());
				// Another request with the key committed while this one waited on the record's lock (see above).
				var landed = this.corrections.spotCheckByKey(actor.userId(), input.idempotencyKey());
				if (landed != null) {
					sameRequest(landed, input.spotCheckId(), digest);
					return null;
				}
				if (locked.withdrawnAt != null) {
					throw new DomainException(EvaluationError.EVALUATION_RECORD_WITHDRAWN);
				}
				SpotCheckState before = spotCheckState(locked);
				SpotCheckState after;
				if (input.withdraw()) {
					locked.withdrawnAt = this.clock.instant();
					after = null;
				}
				else {
					if (items != null) {
						locked.total = items.stream().map(SpotCheckMapper.Item::score).reduce(BigDecimal.ZERO, BigDecimal::add);
					}
					if (findings != null) {
						locked.findings = findings.isEmpty() ? null : findings;
					}
					after = new SpotCheckState(before.checkedOn(), locked.total.doubleValue(), locked.findings,
							(items == null) ? before.items() : items.stream()
								.map(i -> new SpotCheckItemView(i.name(), i.score().doubleValue(), i.maxScore().doubleValue()))
								.toList());
					if (after.equals(before)) {
						throw new DomainException(EvaluationError.EVALUATION_CORRECTION_UNCHANGED);
					}
				}
				this.spotChecks.writeCorrection(locked);
				if (items != null) {
					this.spotChecks.deleteItems(locked.id);
					this.spotChecks.addItems(locked.id, items);
				}
				this.corrections.insertSpotCheck(newRow(locked.id, input.withdraw(), reason, before, after,
						input.idempotencyKey(), digest, actor));
				return null;
			}));
		}
		catch (DuplicateKeyException ex) {
			// The (corrector, key) unique index: another request of this corrector with the key (for
			// whichever record) wrote first.
			return repeat(this.corrections.spotCheckByKey(actor.userId(), input.idempotencyKey()), input.spotCheckId(),
					digest, current);
		}
		return current.get();
	}

	/**
	 * The caller, if they may correct the spot check: whoever could record it (a city or center admin
	 * over the station), never the judged station's admin ({@code FORBIDDEN}); {@code NOT_FOUND} when
	 * there is no such record. Asked before anything of the input is judged.
	 */
	Actor requireMayCorrectSpotCheck(long spotCheckId) {
		Actor actor = this.access.requireActor();
		SpotCheck check = this.spotChecks.selectById(spotCheckId);
		if (check == null) {
			throw DomainException.notFound("抽查记录");
		}
		OrgUnitRef station = this.orgs.require(check.stationId);
		if (!actor.isCenterAdminOrAboveOver(station.path()) || actor.hasRoleOver(Role.STATION_ADMIN, station.path())) {
			throw new DomainException(CommonError.FORBIDDEN, "只有管辖该站的中心或市级管理员可以更正抽查评估，被抽查站的管理员不能更正");
		}
		return actor;
	}

	/** The trails of many spot checks at once, oldest entry first. */
	Map<Long, List<CorrectionView<SpotCheckState>>> spotCheckTrails(Collection<Long> ids) {
		return trails(this.corrections.ofSpotChecks(ids), SpotCheckState.class);
	}

	// ---- 站互评

	PeerReviewView correctPeerReview(CorrectPeerReview input) {
		// The rights first, whatever the input: a caller without them learns nothing from its validation.
		Actor actor = requireMayCorrectPeerReview(input.peerReviewId());
		String reason = RecordCorrections.reason(input.reason());
		requireWithdrawAlone(input.withdraw(), input.scores() != null || input.comment() != null);
		String comment = (input.comment() == null) ? null : input.comment().strip();
		Map<Long, Integer> scores = (input.scores() == null) ? null : new TreeMap<>(input.scores());
		String digest = RecordCorrections.digest("PEER_REVIEW", input.peerReviewId(), actor.userId(), input.withdraw(),
				scores, comment, reason);
		Supplier<PeerReviewView> current = () -> this.evaluations
			.reviewViews(List.of(this.reviews.selectById(input.peerReviewId()))).get(0);
		var earlier = this.corrections.peerReviewByKey(actor.userId(), input.idempotencyKey());
		if (earlier != null) {
			return repeat(earlier, input.peerReviewId(), digest, current);
		}
		if (scores != null && scores.values().stream().anyMatch(s -> s == null || s < 1 || s > 5)) {
			throw new DomainException(EvaluationError.PEER_REVIEW_ITEMS_MISMATCH);
		}
		String openid = this.access.openidOf(actor.userId());
		this.content.requirePass(openid, ContentSecurity.Scene.COMMENT, null, reason);
		if (comment != null && !comment.isEmpty()) {
			this.content.requirePass(openid, ContentSecurity.Scene.COMMENT, null, comment);
		}
		try {
			DeadlockRetry.run(3, log, "Correcting peer review " + input.peerReviewId(), () -> this.tx.execute(status -> {
				PeerReview locked = this.reviews.lockById(input.peerReviewId());
				var landed = this.corrections.peerReviewByKey(actor.userId(), input.idempotencyKey());
				if (landed != null) {
					sameRequest(landed, input.peerReviewId(), digest);
					return null;
				}
				if (locked.withdrawnAt != null) {
					throw new DomainException(EvaluationError.EVALUATION_RECORD_WITHDRAWN);
				}
				PeerReviewState before = peerReviewState(locked);
				PeerReviewState after;
				if (input.withdraw()) {
					locked.withdrawnAt = this.clock.instant();
					after = null;
				}
				else {
					List<ScoreView> afterScores = before.scores();
					if (scores != null) {
						// The items the review was scored on, even if one was disabled since.
						Set<Long> scored = new HashSet<>(before.scores().stream().map(ScoreView::itemId).toList());
						if (!scored.equals(scores.keySet())) {
							throw new DomainException(EvaluationError.PEER_REVIEW_ITEMS_MISMATCH);
						}
						afterScores = before.scores()
							.stream()
							.map(s -> new ScoreView(s.itemId(), s.itemName(), scores.get(s.itemId())))
							.toList();
						locked.average = BigDecimal.valueOf(scores.values().stream().mapToInt(Integer::intValue).sum())
							.divide(BigDecimal.valueOf(scores.size()), 2, RoundingMode.HALF_UP);
					}
					if (comment != null) {
						locked.comment = comment.isEmpty() ? null : comment;
					}
					after = new PeerReviewState(locked.average.doubleValue(), locked.comment, afterScores);
					if (after.equals(before)) {
						throw new DomainException(EvaluationError.EVALUATION_CORRECTION_UNCHANGED);
					}
				}
				this.reviews.writeCorrection(locked);
				if (scores != null && !input.withdraw()) {
					this.reviews.deleteScores(locked.id);
					this.reviews.addScores(locked.id, new LinkedHashMap<>(scores));
				}
				this.corrections.insertPeerReview(newRow(locked.id, input.withdraw(), reason, before, after,
						input.idempotencyKey(), digest, actor));
				return null;
			}));
		}
		catch (DuplicateKeyException ex) {
			return repeat(this.corrections.peerReviewByKey(actor.userId(), input.idempotencyKey()), input.peerReviewId(),
					digest, current);
		}
		return current.get();
	}

	/**
	 * The caller, if they may correct the peer review: the reviewing station's 站长, as for submitting,
	 * never an admin of the reviewed station ({@code FORBIDDEN}); {@code NOT_FOUND} when there is no
	 * such record. Asked before anything of the input is judged.
	 */
	Actor requireMayCorrectPeerReview(long peerReviewId) {
		Actor actor = this.access.requireActor();
		PeerReview review = this.reviews.selectById(peerReviewId);
		if (review == null) {
			throw DomainException.notFound("互评记录");
		}
		OrgUnitRef reviewer = this.orgs.require(review.reviewerStationId);
		OrgUnitRef reviewed = this.orgs.require(review.reviewedStationId);
		if (!actor.hasRoleOver(Role.STATION_ADMIN, reviewer.path())
				|| actor.hasRoleOver(Role.STATION_ADMIN, reviewed.path())) {
			throw new DomainException(CommonError.FORBIDDEN, "只有评分站的站长可以更正该互评，被评站的管理员不能更正");
		}
		return actor;
	}

	/** The trails of many peer reviews at once, oldest entry first. */
	Map<Long, List<CorrectionView<PeerReviewState>>> peerReviewTrails(Collection<Long> ids) {
		return trails(this.corrections.ofPeerReviews(ids), PeerReviewState.class);
	}

	// ---- helpers

	private static void requireWithdrawAlone(boolean withdraw, boolean changes) {
		if (withdraw && changes) {
			throw DomainException.badRequest("撤回记录时不能同时修改内容");
		}
		if (!withdraw && !changes) {
			throw new DomainException(EvaluationError.EVALUATION_CORRECTION_UNCHANGED);
		}
	}

	private static List<SpotCheckMapper.Item> spotCheckItems(List<EvaluationService.RecordSpotCheck.Item> input) {
		List<SpotCheckMapper.Item> rows = new ArrayList<>();
		Set<String> names = new HashSet<>();
		for (var item : input) {
			String name = item.name().strip();
			BigDecimal max = EvaluationService.scale(item.maxScore());
			BigDecimal score = EvaluationService.scale(item.score());
			if (name.isEmpty() || !names.add(name) || max.signum() <= 0 || score.signum() < 0 || score.compareTo(max) > 0) {
				throw DomainException.badRequest("抽查项目名称不能为空或重复，得分须在 0 与满分之间，满分须大于 0");
			}
			rows.add(new SpotCheckMapper.Item(null, name, score, max));
		}
		if (rows.isEmpty()) {
			throw DomainException.badRequest("抽查项目至少一项");
		}
		return rows;
	}

	private SpotCheckState spotCheckState(SpotCheck check) {
		SpotCheckView view = this.evaluations.spotCheckViews(List.of(check)).get(0);
		return new SpotCheckState(view.checkedOn(), view.total(), view.findings(), view.items());
	}

	private PeerReviewState peerReviewState(PeerReview review) {
		PeerReviewView view = this.evaluations.reviewViews(List.of(review)).get(0);
		return new PeerReviewState(view.average(), view.comment(), view.scores());
	}

	private EvaluationCorrectionMapper.NewRow newRow(long recordId, boolean withdraw, String reason, Object before,
			Object after, String key, String digest, Actor actor) {
		return new EvaluationCorrectionMapper.NewRow(recordId, (withdraw ? Action.WITHDRAWN : Action.CORRECTED).name(),
				reason, RecordCorrections.toJson(before), RecordCorrections.toJson(after), key, digest, actor.userId(),
				this.clock.instant());
	}

	/** The record as it is now, if the caller's entry with the key was this request; else the key was reused. */
	private static <V> V repeat(EvaluationCorrectionMapper.Row entry, long recordId, String digest, Supplier<V> current) {
		sameRequest(entry, recordId, digest);
		return current.get();
	}

	private static void sameRequest(EvaluationCorrectionMapper.Row entry, long recordId, String digest) {
		if (entry == null || entry.recordId() != recordId || !Objects.equals(entry.requestDigest(), digest)) {
			throw new DomainException(CommonError.IDEMPOTENCY_KEY_REUSED);
		}
	}

	private <S> Map<Long, List<CorrectionView<S>>> trails(List<EvaluationCorrectionMapper.Row> rows, Class<S> type) {
		Map<Long, String> names = this.nicknames.of(rows.stream().map(EvaluationCorrectionMapper.Row::correctedBy).toList());
		Function<String, S> read = json -> RecordCorrections.fromJson(json, type);
		Map<Long, List<CorrectionView<S>>> out = new LinkedHashMap<>();
		for (var row : rows) {
			out.computeIfAbsent(row.recordId(), k -> new ArrayList<>())
				.add(new CorrectionView<>(row.id(), row.action(), row.reason(), read.apply(row.beforeState()),
						read.apply(row.afterState()), row.correctedBy(), names.get(row.correctedBy()), row.correctedAt()));
		}
		return out;
	}

}
