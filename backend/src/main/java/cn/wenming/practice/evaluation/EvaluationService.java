package cn.wenming.practice.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.wenming.practice.auth.AccessControl;
import cn.wenming.practice.auth.Actor;
import cn.wenming.practice.auth.Role;
import cn.wenming.practice.evaluation.EvaluationViews.ItemAverage;
import cn.wenming.practice.evaluation.EvaluationViews.PeerReviewSummary;
import cn.wenming.practice.evaluation.EvaluationViews.PeerReviewView;
import cn.wenming.practice.evaluation.EvaluationViews.ScoreView;
import cn.wenming.practice.evaluation.EvaluationViews.SpotCheckItemView;
import cn.wenming.practice.evaluation.EvaluationViews.SpotCheckView;
import cn.wenming.practice.org.OrgDirectory;
import cn.wenming.practice.org.OrgError;
import cn.wenming.practice.org.OrgLevel;
import cn.wenming.practice.org.OrgUnitRef;
import cn.wenming.practice.shared.CommonError;
import cn.wenming.practice.shared.Connections;
import cn.wenming.practice.shared.ContentSecurity;
import cn.wenming.practice.shared.CreationKeys;
import cn.wenming.practice.shared.DeadlockRetry;
import cn.wenming.practice.shared.DomainException;
import cn.wenming.practice.shared.RecordCorrections;
import graphql.relay.Connection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 站互评 and 抽查评估. A peer review is submitted by an admin of the reviewing station (站长) for
 * another station of the same county (the same 中心), never their own, once per month and pair (a
 * unique key, so two concurrent submissions count once); city and center admins covering a unit see
 * its stations' averages. A spot check is recorded by a city or center admin covering the station
 * and is visible to every admin above or on the station. Texts others read pass msgSecCheck before
 * anything is stored.
 */
@Service
class EvaluationService {

	private static final Logger log = LoggerFactory.getLogger(EvaluationService.class);

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final PeerReviewItemMapper items;

	private final PeerReviewMapper reviews;

	private final SpotCheckMapper spotChecks;

	private final OrgDirectory orgs;

	private final AccessControl access;

	private final ContentSecurity content;

	private final TransactionTemplate tx;

	private final Clock clock;

	EvaluationService(PeerReviewItemMapper items, PeerReviewMapper reviews, SpotCheckMapper spotChecks,
			OrgDirectory orgs, AccessControl access, ContentSecurity content, TransactionTemplate tx, Clock clock) {
		this.items = items;
		this.reviews = reviews;
		this.spotChecks = spotChecks;
		this.orgs = orgs;
		this.access = access;
		this.content = content;
		this.tx = tx;
		this.clock = clock;
	}

	record SubmitPeerReview(long reviewerStationId, long reviewedStationId, Map<Long, Integer> scores, String comment) {
	}

	/** A spot check as sent; a resend with the checker's {@code idempotencyKey} answers the check recorded. */
	record RecordSpotCheck(long stationId, String checkedOn, List<Item> items, String findings, String idempotencyKey) {

		record Item(String name, double score, double maxScore) {
		}

	}

	// ---- items

	List<PeerReviewItem.View> items(boolean includeDisabled) {
		Actor actor = this.access.currentActor();
		boolean all = includeDisabled && actor != null && actor.isCenterAdminOrAbove();
		return this.items.listAll(all).stream().map(PeerReviewItem::view).toList();
	}

	PeerReviewItem.View addItem(String name) {
		Actor actor = requireDeploymentAdmin();
		String clean = name.strip();
		this.content.requirePass(this.access.openidOf(actor.userId()), ContentSecurity.Scene.PROFILE, null, clean);
		PeerReviewItem row = new PeerReviewItem();
		row.name = clean;
		row.enabled = true;
		row.createdAt = this.clock.instant();
		try {
			this.items.insert(row);
		}
		catch (DuplicateKeyException ex) {
			throw new DomainException(EvaluationError.PEER_REVIEW_ITEM_NAME_TAKEN);
		}
		return row.view();
	}

	PeerReviewItem.View setItemEnabled(long id, boolean enabled) {
		requireDeploymentAdmin();
		if (this.items.setEnabled(id, enabled) == 0) {
			throw DomainException.notFound("评分项");
		}
		return this.items.selectById(id).view();
	}

	// ---- 站互评

	PeerReviewView submit(SubmitPeerReview input) {
		OrgUnitRef reviewer = requireStation(input.reviewerStationId());
		Actor actor = this.access.requireActor();
		if (!actor.hasRoleOver(Role.STATION_ADMIN, reviewer.path())) {
			throw new DomainException(CommonError.FORBIDDEN, "只有该站的站长可以代表该站互评");
		}
		OrgUnitRef reviewed = requireStation(input.reviewedStationId());
		if (reviewer.id() == reviewed.id() || actor.hasRoleOver(Role.STATION_ADMIN, reviewed.path())) {
			throw new DomainException(EvaluationError.PEER_REVIEW_OWN_STATION);
		}
		if (!countyOf(reviewer).equals(countyOf(reviewed))) {
			throw new DomainException(EvaluationError.PEER_REVIEW_OTHER_COUNTY);
		}
		Map<Long, String> enabled = this.items.listAll(false)
			.stream()
			.collect(Collectors.toMap(PeerReviewItem::getId, item -> item.name, (a, b) -> a, LinkedHashMap::new));
		Map<Long, Integer> scores = input.scores();
		if (enabled.isEmpty() || !scores.keySet().equals(enabled.keySet())
				|| scores.values().stream().anyMatch(s -> s == null || s < 1 || s > 5)) {
			throw new DomainException(EvaluationError.PEER_REVIEW_ITEMS_MISMATCH);
		}
		String comment = (input.comment() == null || input.comment().isBlank()) ? null : input.comment().strip();
		if (comment != null) {
			this.content.requirePass(this.access.openidOf(actor.userId()), ContentSecurity.Scene.COMMENT, null, comment);
		}
		PeerReview row = new PeerReview();
		row.period = YearMonth.now(this.clock.withZone(CHINA)).toString();
		row.reviewerStationId = reviewer.id();
		row.reviewedStationId = reviewed.id();
		row.average = BigDecimal.valueOf(scores.values().stream().mapToInt(Integer::intValue).sum())
			.divide(BigDecimal.valueOf(scores.size()), 2, RoundingMode.HALF_UP);
		row.comment = comment;
		row.reviewedBy = actor.userId();
		row.createdAt = this.clock.instant();
		// Submissions of one pair at once after a withdrawal all meet the withdrawn row's delete-marked
		// entry in the active-pair key, share-lock it and then wait for each other to insert: InnoDB
		// rolls one back as a deadlock victim. Run again, it finds the pair reviewed (or takes it).
		String what = "Peer review of station " + reviewed.id() + " by station " + reviewer.id();
		DeadlockRetry.run(3, log, what, () -> this.tx.execute(status -> {
			row.id = null;
			requireOpen(reviewed);
			try {
				this.reviews.insert(row);
			}
			catch (DuplicateKeyException ex) {
				throw new DomainException(EvaluationError.PEER_REVIEW_ALREADY_SUBMITTED);
			}
			this.reviews.addScores(row.id, scores);
			return row.id;
		}));
		return reviewViews(List.of(row)).get(0);
	}

	/** The reviews a station gave in a period (default: this month): for admins covering the station. */
	List<PeerReviewView> given(long stationId, String period) {
		OrgUnitRef station = this.orgs.require(stationId);
		this.access.requireAdminOver(station.path());
		return reviewViews(this.reviews.givenBy(stationId, period(period)));
	}

	/** Averages per station of the unit's subtree for a month: city and center admins covering the unit. */
	List<PeerReviewSummary> summary(long orgUnitId, String period) {
		OrgUnitRef unit = this.orgs.require(orgUnitId);
		requireCenterOrCityOver(unit);
		String month = period(period);
		List<Long> ids = this.orgs.subtreeIds(unit.path());
		var totals = this.reviews.stationTotals(ids, month);
		if (totals.isEmpty()) {
			return List.of();
		}
		Map<Long, List<ItemAverage>> byStation = new LinkedHashMap<>();
		for (var row : this.reviews.itemTotals(ids, month)) {
			byStation.computeIfAbsent(row.stationId(), k -> new ArrayList<>())
				.add(new ItemAverage(row.itemId(), row.itemName(), average(row.scoreSum(), row.scores())));
		}
		Map<Long, OrgUnitRef> names = this.orgs.findAll(totals.stream().map(PeerReviewMapper.StationTotal::stationId).toList());
		return totals.stream()
			.sorted(java.util.Comparator.comparingLong(PeerReviewMapper.StationTotal::stationId))
			.map(row -> new PeerReviewSummary(row.stationId(), nameOf(names, row.stationId()), month,
					(int) row.reviews(), average(row.averageSum(), row.reviews()),
					byStation.getOrDefault(row.stationId(), List.of())))
			.toList();
	}

	// ---- 抽查评估

	SpotCheckView recordSpotCheck(RecordSpotCheck input) {
		OrgUnitRef station = requireStation(input.stationId());
		Actor actor = requireCenterOrCityOver(station);
		// The same rule as its correction (EvaluationCorrectionService.requireMayCorrectSpotCheck): the
		// judged station's own admin does not check it, even one who is also a center admin over it.
		if (actor.hasRoleOver(Role.STATION_ADMIN, station.path())) {
			throw new DomainException(CommonError.FORBIDDEN, "被抽查站的管理员不能记录该站的抽查评估");
		}
		// A resend (a double click, the client's retry of a 503 whose commit went through) answers the
		// check recorded once — as it is now, corrected or not: looked up only now that the caller may check.
		String findings = (input.findings() == null || input.findings().isBlank()) ? null : input.findings().strip();
		CreationKeys.Create<SpotCheckView> keyed = CreationKeys.create(input.idempotencyKey(),
				RecordCorrections.digest("SPOT_CHECK", station.id(), input.checkedOn(), findings,
						input.items().stream().map(i -> List.of(i.name().strip(), scale(i.score()), scale(i.maxScore())))
							.toList()),
				() -> this.spotChecks.findByKey(actor.userId(), input.idempotencyKey()),
				id -> spotCheckViews(List.of(this.spotChecks.selectById(id))).get(0));
		SpotCheckView earlier = keyed.earlier();
		if (earlier != null) {
			return earlier;
		}
		LocalDate checkedOn = parseDate(input.checkedOn());
		if (checkedOn.isAfter(LocalDate.now(this.clock.withZone(CHINA)))) {
			throw DomainException.badRequest("抽查日期不能晚于今天");
		}
		List<SpotCheckMapper.Item> rows = new ArrayList<>();
		Set<String> names = new HashSet<>();
		BigDecimal total = BigDecimal.ZERO;
		for (RecordSpotCheck.Item item : input.items()) {
			String name = item.name().strip();
			BigDecimal max = scale(item.maxScore());
			BigDecimal score = scale(item.score());
			if (name.isEmpty() || !names.add(name) || max.signum() <= 0 || score.signum() < 0 || score.compareTo(max) > 0) {
				throw DomainException.badRequest("抽查项目名称不能为空或重复，得分须在 0 与满分之间，满分须大于 0");
			}
			rows.add(new SpotCheckMapper.Item(null, name, score, max));
			total = total.add(score);
		}
		this.content.requirePass(this.access.openidOf(actor.userId()), ContentSecurity.Scene.COMMENT, null,
				String.join("\n", names) + ((findings == null) ? "" : "\n" + findings));
		SpotCheck check = new SpotCheck();
		check.stationId = station.id();
		check.checkedOn = checkedOn;
		check.total = total;
		check.findings = findings;
		check.checkedBy = actor.userId();
		check.createdAt = this.clock.instant();
		check.idempotencyKey = input.idempotencyKey();
		check.requestDigest = keyed.digest();
		return keyed.once(log, "Recording spot check", () -> this.tx.executeWithoutResult(status -> {
			requireOpen(station);
			this.spotChecks.insert(check);
			this.spotChecks.addItems(check.id, rows);
		}), () -> spotCheckViews(List.of(check)).get(0));
	}

	/** Spot checks of the stations in the unit's subtree, newest first: any admin covering the unit. */
	Connection<SpotCheckView> spotChecks(long orgUnitId, Integer first, String after) {
		var page = Connections.page(first, after);
		OrgUnitRef unit = this.orgs.require(orgUnitId);
		this.access.requireAdminOver(unit.path());
		List<SpotCheck> rows = this.spotChecks.pageInStations(this.orgs.subtreeIds(unit.path()), page.afterId(),
				page.fetchSize());
		return Connections.of(spotCheckViews(rows), page, SpotCheckView::id);
	}

	// ---- helpers

	List<PeerReviewView> reviewViews(List<PeerReview> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<Long, List<ScoreView>> scores = new LinkedHashMap<>();
		for (var s : this.reviews.scoresOf(rows.stream().map(PeerReview::getId).toList())) {
			scores.computeIfAbsent(s.reviewId(), k -> new ArrayList<>()).add(new ScoreView(s.itemId(), s.itemName(), s.score()));
		}
		Set<Long> unitIds = new HashSet<>();
		rows.forEach(r -> {
			unitIds.add(r.reviewerStationId);
			unitIds.add(r.reviewedStationId);
		});
		Map<Long, OrgUnitRef> units = this.orgs.findAll(unitIds);
		return rows.stream()
			.map(r -> new PeerReviewView(r.id, r.period, r.reviewerStationId, nameOf(units, r.reviewerStationId),
					r.reviewedStationId, nameOf(units, r.reviewedStationId), r.average.doubleValue(), r.comment,
					scores.getOrDefault(r.id, List.of()), r.createdAt, r.withdrawnAt != null))
			.toList();
	}

	List<SpotCheckView> spotCheckViews(List<SpotCheck> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<Long, List<SpotCheckItemView>> items = new LinkedHashMap<>();
		for (var i : this.spotChecks.itemsOf(rows.stream().map(SpotCheck::getId).toList())) {
			items.computeIfAbsent(i.spotCheckId(), k -> new ArrayList<>())
				.add(new SpotCheckItemView(i.name(), i.score().doubleValue(), i.maxScore().doubleValue()));
		}
		Map<Long, OrgUnitRef> units = this.orgs.findAll(rows.stream().map(c -> c.stationId).toList());
		return rows.stream().map(c -> {
			List<SpotCheckItemView> list = items.getOrDefault(c.id, List.of());
			double max = list.stream().mapToDouble(SpotCheckItemView::maxScore).sum();
			return new SpotCheckView(c.id, c.stationId, nameOf(units, c.stationId), c.checkedOn.toString(),
					c.total.doubleValue(), max, c.findings, list, c.createdAt, c.withdrawnAt != null);
		}).toList();
	}

	/** The 中心 a station belongs to: its institute's parent. */
	private Long countyOf(OrgUnitRef station) {
		OrgUnitRef institute = this.orgs.require(station.parentId());
		return institute.parentId();
	}

	OrgUnitRef requireStation(long id) {
		OrgUnitRef unit = this.orgs.require(id);
		if (unit.level() != OrgLevel.STATION) {
			throw new DomainException(EvaluationError.EVALUATION_NOT_A_STATION);
		}
		return unit;
	}

	/** The items are every county's: the admins of the whole deployment keep them. */
	private Actor requireDeploymentAdmin() {
		return this.access.requireWholeDeployment();
	}

	private Actor requireCenterOrCityOver(OrgUnitRef unit) {
		Actor actor = this.access.requireActor();
		if (!actor.isCenterAdminOrAboveOver(unit.path())) {
			throw new DomainException(CommonError.FORBIDDEN);
		}
		return actor;
	}

	private void requireOpen(OrgUnitRef unit) {
		if (!this.orgs.lockIfOpen(unit.id())) {
			throw new DomainException(OrgError.ORG_UNIT_CLOSED);
		}
	}

	private String period(String period) {
		if (period == null || period.isBlank()) {
			return YearMonth.now(this.clock.withZone(CHINA)).toString();
		}
		try {
			return YearMonth.parse(period.strip()).toString();
		}
		catch (DateTimeParseException ex) {
			throw DomainException.badRequest("期间格式应为 yyyy-MM");
		}
	}

	private static String nameOf(Map<Long, OrgUnitRef> units, long id) {
		OrgUnitRef unit = units.get(id);
		return (unit == null) ? "" : unit.name();
	}

	private static double average(BigDecimal sum, long count) {
		return (count == 0) ? 0 : sum.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP).doubleValue();
	}

	static BigDecimal scale(double value) {
		return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
	}

	private static LocalDate parseDate(String text) {
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw DomainException.badRequest("抽查日期格式应为 yyyy-MM-dd");
		}
	}

}
