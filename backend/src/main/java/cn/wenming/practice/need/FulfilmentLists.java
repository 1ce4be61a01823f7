package cn.wenming.practice.need;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import cn.wenming.practice.shared.CommonError;
import cn.wenming.practice.auth.AccessControl;
import cn.wenming.practice.auth.Actor;
import cn.wenming.practice.civic.CivicStatistics;
import cn.wenming.practice.need.FulfilmentList.FulfilledNeed;
import cn.wenming.practice.need.FulfilmentList.FulfilmentSummary;
import cn.wenming.practice.need.FulfilmentList.ServedByKind;
import cn.wenming.practice.need.FulfilmentList.UnfulfilledNeed;
import cn.wenming.practice.org.OrgDirectory;
import cn.wenming.practice.org.OrgUnitRef;
import cn.wenming.practice.shared.DomainException;
import cn.wenming.practice.shared.Masking;
import cn.wenming.practice.team.TeamDirectory;
import cn.wenming.practice.team.TeamRef;
import cn.wenming.practice.volunteer.VolunteerDirectory;
import cn.wenming.practice.volunteer.VolunteerProfile;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * 落实清单, the monthly public list of a unit's needs. The rules (also in the schema and
 * docs/design.md):
 * <ul>
 * <li>A need belongs to the month, in Asia/Shanghai, in which it was submitted ({@code created_at}),
 * and to the list of every unit whose subtree holds its station. Each need is in exactly one month.</li>
 * <li>States are those at computation time; a published list keeps those at publication.</li>
 * <li>received: the month's needs except REJECTED (不予受理) and CANCELLED (群众撤销), which are
 * counted apart. fulfilled: COMPLETED, RATED or CLOSED_UNRATED. Every other received need is
 * unfulfilled and listed with its next step.</li>
 * <li>The completion deadline (限兑时间) is the one set at 派单 ({@code deadline_at}); a need claimed
 * from the wish wall has none, so the resident's desired date (end of that day) stands in; with
 * neither nothing was promised. onTime: fulfilled and completed no later than that deadline (or
 * without one). The review and acceptance deadlines are internal stages enforced by escalation;
 * they are shown as the deadline of unfulfilled needs waiting in those stages, and so is the
 * dispatch deadline of a published need nobody has dispatched or claimed yet.</li>
 * <li>fulfilmentRate = fulfilled / received; onTimeRate = onTime / fulfilled; averageRating = mean
 * stars of the rated needs; satisfaction = rated with ≥ 4 stars / rated. Null when dividing by 0.</li>
 * <li>beneficiaries (受益群众): the sum of the fulfilled needs' counts (as completed or corrected; 1 when
 * a need has none).</li>
 * </ul>
 * The computation costs a fixed number of statements (the unit, the needs, their categories,
 * teams, volunteers and stations, each in one query) whatever the number of needs.
 */
@Component
class FulfilmentLists {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final Pattern MONTH = Pattern.compile("^\\d{4}-\\d{2}$");

	private static final Set<NeedStatus> FULFILLED = EnumSet.of(NeedStatus.COMPLETED, NeedStatus.RATED,
			NeedStatus.CLOSED_UNRATED);

	private final FulfilmentMapper mapper;

	private final NeedCategoryMapper categories;

	private final OrgDirectory orgs;

	private final TeamDirectory teams;

	private final VolunteerDirectory volunteers;

	private final AccessControl access;

	private final NeedProperties properties;

	private final JsonMapper json;

	private final Clock clock;

	private final CivicStatistics civic;

	FulfilmentLists(FulfilmentMapper mapper, NeedCategoryMapper categories, OrgDirectory orgs, TeamDirectory teams,
			VolunteerDirectory volunteers, AccessControl access, NeedProperties properties, JsonMapper json,
			Clock clock, CivicStatistics civic) {
		this.civic = civic;
		this.mapper = mapper;
		this.categories = categories;
		this.orgs = orgs;
		this.teams = teams;
		this.volunteers = volunteers;
		this.access = access;
		this.properties = properties;
		this.json = json;
		this.clock = clock;
	}

	/** A published list, or null. Public: no login needed. */
	FulfilmentList findPublished(long orgUnitId, YearMonth month) {
		FulfilmentSnapshot row = this.mapper.findPublished(orgUnitId, month.toString());
		return (row == null) ? null : this.json.readValue(row.getDocument(), FulfilmentList.class);
	}

	/**
	 * The published list of the month, to anyone; otherwise the live computation, only to admins
	 * covering the unit. Everybody else is told {@code NOT_FOUND} ("not published yet"), the same
	 * answer the public page gives, so an unpublished month reveals nothing.
	 */
	FulfilmentList view(long orgUnitId, String month) {
		YearMonth ym = parseMonth(month);
		FulfilmentList published = findPublished(orgUnitId, ym);
		if (published != null) {
			return published;
		}
		OrgUnitRef unit = this.orgs.find(orgUnitId).orElseThrow(() -> DomainException.notFound("单位"));
		Actor actor = this.access.currentActor();
		if (actor == null || !actor.isAdminOver(unit.path())) {
			throw new DomainException(CommonError.NOT_FOUND, "该月落实清单尚未公示");
		}
		return compute(unit, ym);
	}

	/** Published lists of the unit, newest month first (documents not loaded). Public. */
	List<FulfilmentSnapshot> publishedOf(long orgUnitId) {
		return this.mapper.publishedOf(orgUnitId);
	}

	/**
	 * Computes and freezes the month's list: admins covering the unit, months that have ended in
	 * Asia/Shanghai, once per unit and month (the unique key settles concurrent publishers).
	 */
	FulfilmentList publish(long orgUnitId, String month) {
		YearMonth ym = parseMonth(month);
		OrgUnitRef unit = this.orgs.find(orgUnitId).orElseThrow(() -> DomainException.notFound("单位"));
		Actor actor = this.access.requireAdminOver(unit.path());
		// Milliseconds, as stored in published_at, so the document and the row agree.
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		if (!ym.isBefore(YearMonth.from(now.atZone(ZONE)))) {
			throw new DomainException(NeedError.FULFILMENT_MONTH_NOT_ENDED);
		}
		if (this.mapper.findPublished(orgUnitId, ym.toString()) != null) {
			throw new DomainException(NeedError.FULFILMENT_LIST_ALREADY_PUBLISHED);
		}
		FulfilmentList list = compute(unit, ym).asPublished(now);
		FulfilmentSnapshot row = new FulfilmentSnapshot();
		row.setOrgUnitId(orgUnitId);
		row.setMonth(ym.toString());
		row.setDocument(this.json.writeValueAsString(list));
		row.setPublishedBy(actor.userId());
		row.setPublishedAt(now);
		try {
			this.mapper.insert(row);
		}
		catch (DuplicateKeyException ex) {
			throw new DomainException(NeedError.FULFILMENT_LIST_ALREADY_PUBLISHED);
		}
		return list;
	}

	static YearMonth parseMonth(String month) {
		if (month == null || !MONTH.matcher(month).matches()) {
			throw new DomainException(CommonError.BAD_REQUEST, "月份格式应为 YYYY-MM");
		}
		try {
			return YearMonth.parse(month);
		}
		catch (DateTimeParseException ex) {
			throw new DomainException(CommonError.BAD_REQUEST, "月份格式应为 YYYY-MM");
		}
	}

	// --- The computation.

	FulfilmentList compute(OrgUnitRef unit, YearMonth month) {
		Instant now = this.clock.instant();
		Instant from = month.atDay(1).atStartOfDay(ZONE).toInstant();
		Instant to = month.plusMonths(1).atDay(1).atStartOfDay(ZONE).toInstant();
		List<Long> subtree = this.orgs.subtreeIds(unit.path());
		List<Need> needs = this.mapper.submittedBetween(subtree, from, to);

		Set<Long> categoryIds = new HashSet<>();
		Set<Long> teamIds = new HashSet<>();
		Set<Long> userIds = new HashSet<>();
		Set<Long> stationIds = new HashSet<>();
		for (Need need : needs) {
			categoryIds.add(need.getCategoryId());
			stationIds.add(need.getStationId());
			if (need.getAssignedTeamId() != null) {
				teamIds.add(need.getAssignedTeamId());
			}
			if (need.getAssignedUserId() != null) {
				userIds.add(need.getAssignedUserId());
			}
		}
		Map<Long, NeedCategory> categoryById = new LinkedHashMap<>();
		if (!categoryIds.isEmpty()) {
			this.categories.findByIds(categoryIds).forEach(c -> categoryById.put(c.getId(), c));
		}
		Map<Long, TeamRef> teamById = teamIds.isEmpty() ? Map.of() : this.teams.findAll(teamIds);
		Map<Long, VolunteerProfile> volunteerByUser = userIds.isEmpty() ? Map.of()
				: this.volunteers.profilesByUserId(userIds);
		Map<Long, OrgUnitRef> stationById = stationIds.isEmpty() ? Map.of() : this.orgs.findAll(stationIds);

		List<FulfilledNeed> fulfilled = new ArrayList<>();
		List<UnfulfilledNeed> unfulfilled = new ArrayList<>();
		Map<Long, Tally> tallies = new LinkedHashMap<>();
		Tally total = new Tally();
		for (Need need : needs) {
			String category = nameOf(categoryById.get(need.getCategoryId()));
			String station = nameOf(stationById.get(need.getStationId()));
			Tally tally = tallies.computeIfAbsent(need.getCategoryId(), id -> new Tally());
			NeedStatus status = need.getStatus();
			ServedByKind kind = (need.getAssignedTeamId() != null) ? ServedByKind.TEAM
					: (need.getAssignedUserId() != null) ? ServedByKind.VOLUNTEER : null;
			String servedBy = servedBy(need, teamById, volunteerByUser);
			Instant deadline = completionDeadline(need);
			if (status == NeedStatus.REJECTED || status == NeedStatus.CANCELLED) {
				tally.closed(status);
				total.closed(status);
			}
			else if (FULFILLED.contains(status)) {
				// Every move to COMPLETED stamps completed_at; updated_at only guards rows written by hand.
				Instant completedAt = Objects.requireNonNullElse(need.getCompletedAt(), need.getUpdatedAt());
				boolean onTime = deadline == null || !completedAt.isAfter(deadline);
				// Completed before V37 without a count, or written by hand: the resident alone.
				int served = Objects.requireNonNullElse(need.getBeneficiaries(), 1);
				tally.fulfilled(onTime, need.getRatingStars(), served);
				total.fulfilled(onTime, need.getRatingStars(), served);
				fulfilled.add(new FulfilledNeed(need.getId(), category, Masking.name(need.getContactName()), station,
						kind, servedBy, completedAt, LocalDate.ofInstant(completedAt, ZONE),
						deadline, onTime, need.getRatingStars(), served));
			}
			else {
				tally.open();
				total.open();
				unfulfilled.add(unfulfilled(need, category, station, servedBy, deadline, now));
			}
		}
		List<FulfilmentSummary> byCategory = new ArrayList<>();
		tallies.entrySet()
			.stream()
			.sorted(Comparator.comparing((Map.Entry<Long, Tally> e) -> sortOf(categoryById.get(e.getKey())))
				.thenComparing(Map.Entry::getKey))
			.forEach(e -> byCategory.add(e.getValue().summary(nameOf(categoryById.get(e.getKey())))));
		fulfilled.sort(Comparator.comparing(FulfilledNeed::completedAt).thenComparing(FulfilledNeed::needId));
		unfulfilled.sort(Comparator.comparing(UnfulfilledNeed::needId));
		return new FulfilmentList(unit.id(), unit.name(), month.toString(), false, null, now, total.summary(null),
				byCategory, fulfilled, unfulfilled, civicSummaries(subtree, from, to));
	}

	/** 随手拍 of the month by category (those with reports), then the total: one statement. */
	private List<FulfilmentList.CivicSummary> civicSummaries(List<Long> subtree, Instant from, Instant to) {
		List<FulfilmentList.CivicSummary> rows = new ArrayList<>();
		CivicStatistics.Counts total = null;
		for (CivicStatistics.CategoryCounts row : this.civic.byCategory(subtree, from, to)) {
			CivicStatistics.Counts c = row.counts();
			if (c.received() > 0) {
				rows.add(new FulfilmentList.CivicSummary(row.label(), c.received(), c.resolved(), c.verified(),
						c.overdue()));
			}
			total = (total == null) ? c : total.plus(c);
		}
		CivicStatistics.Counts all = total;
		rows.add((all == null) ? new FulfilmentList.CivicSummary(null, 0, 0, 0, 0)
				: new FulfilmentList.CivicSummary(null, all.received(), all.resolved(), all.verified(), all.overdue()));
		return rows;
	}

	/** The promised completion time: the dispatched deadline, else the end of the desired date, else none. */
	static Instant completionDeadline(Need need) {
		if (need.getDeadlineAt() != null) {
			return need.getDeadlineAt();
		}
		return (need.getDesiredDate() != null) ? need.getDesiredDate().plusDays(1).atStartOfDay(ZONE).toInstant()
				: null;
	}

	private UnfulfilledNeed unfulfilled(Need need, String category, String station, String servedBy,
			Instant completionDeadline, Instant now) {
		String stationAdmin = station + "管理员";
		String nextStep;
		String responsible;
		Instant deadline;
		switch (need.getStatus()) {
			case SUBMITTED -> {
				nextStep = "待审核";
				responsible = stationAdmin;
				deadline = need.getCreatedAt().plus(this.properties.reviewWithin());
			}
			case PUBLISHED -> {
				nextStep = "待派单或志愿者认领";
				responsible = stationAdmin;
				// The stage deadline that escalation enforces (NeedDeadlines), not the desired date: a need
				// nobody picks up is the station's failure whatever date the resident hoped for.
				deadline = (need.getStageStartedAt() != null)
						? need.getStageStartedAt().plus(this.properties.dispatchWithin()) : completionDeadline;
			}
			case DISPATCHED -> {
				nextStep = "待接单";
				responsible = servedBy;
				deadline = (need.getDispatchedAt() != null)
						? need.getDispatchedAt().plus(this.properties.acceptWithin()) : null;
			}
			case CLAIMED, ACCEPTED -> {
				nextStep = "待开始服务";
				responsible = servedBy;
				deadline = completionDeadline;
			}
			default -> {
				nextStep = "服务中，待完成";
				responsible = servedBy;
				deadline = completionDeadline;
			}
		}
		return new UnfulfilledNeed(need.getId(), category, Masking.name(need.getContactName()), station,
				need.getStatus(), nextStep, Objects.requireNonNullElse(responsible, stationAdmin), deadline,
				deadline != null && now.isAfter(deadline), need.getEscalationLevel());
	}

	/** A team by its name; a volunteer by the masked name (the list is public). */
	private static String servedBy(Need need, Map<Long, TeamRef> teams, Map<Long, VolunteerProfile> volunteers) {
		if (need.getAssignedTeamId() != null) {
			TeamRef team = teams.get(need.getAssignedTeamId());
			return (team == null) ? null : team.name();
		}
		if (need.getAssignedUserId() != null) {
			VolunteerProfile volunteer = volunteers.get(need.getAssignedUserId());
			return (volunteer == null) ? "志愿者" : "志愿者 " + volunteer.maskedName();
		}
		return null;
	}

	private static String nameOf(NeedCategory category) {
		return (category == null) ? "" : category.getName();
	}

	private static String nameOf(OrgUnitRef unit) {
		return (unit == null) ? "" : unit.name();
	}

	private static int sortOf(NeedCategory category) {
		return (category == null) ? Integer.MAX_VALUE : category.getSortOrder();
	}

	/** Running counts of one category (or of all). */
	private static final class Tally {

		int received;

		int fulfilled;

		int onTime;

		int rated;

		int starSum;

		int satisfied;

		int rejected;

		int cancelled;

		int beneficiaries;

		void closed(NeedStatus status) {
			if (status == NeedStatus.REJECTED) {
				this.rejected++;
			}
			else {
				this.cancelled++;
			}
		}

		void open() {
			this.received++;
		}

		void fulfilled(boolean onTime, Integer stars, int served) {
			this.received++;
			this.beneficiaries += served;
			this.fulfilled++;
			if (onTime) {
				this.onTime++;
			}
			if (stars != null) {
				this.rated++;
				this.starSum += stars;
				if (stars >= 4) {
					this.satisfied++;
				}
			}
		}

		FulfilmentSummary summary(String category) {
			return new FulfilmentSummary(category, this.received, this.fulfilled, this.onTime, this.rated,
					this.satisfied, this.rejected, this.cancelled, ratio(this.fulfilled, this.received),
					ratio(this.onTime, this.fulfilled), ratio(this.starSum, this.rated),
					ratio(this.satisfied, this.rated), this.beneficiaries);
		}

		private static Double ratio(int numerator, int denominator) {
			return (denominator == 0) ? null : (double) numerator / denominator;
		}

	}

}
