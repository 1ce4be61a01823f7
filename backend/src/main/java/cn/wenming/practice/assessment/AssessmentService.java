package cn.wenming.practice.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.wenming.practice.activity.ActivityStatistics;
import cn.wenming.practice.assessment.Assessment.Figure;
import cn.wenming.practice.assessment.Assessment.Kind;
import cn.wenming.practice.assessment.Assessment.Period;
import cn.wenming.practice.assessment.Assessment.TargetPeriod;
import cn.wenming.practice.assessment.Assessment.UnitAssessment;
import cn.wenming.practice.auth.AccessControl;
import cn.wenming.practice.civic.CivicStatistics;
import cn.wenming.practice.evaluation.EvaluationStatistics;
import cn.wenming.practice.auth.UnitAdmins;
import cn.wenming.practice.lecture.LectureStatistics;
import cn.wenming.practice.need.NeedStandings;
import cn.wenming.practice.need.NeedStatistics;
import cn.wenming.practice.org.OrgDirectory;
import cn.wenming.practice.org.OrgStatistics;
import cn.wenming.practice.org.OrgLevel;
import cn.wenming.practice.org.OrgUnitRef;
import cn.wenming.practice.project.ProjectDirectory;
import cn.wenming.practice.project.ProjectStatistics;
import cn.wenming.practice.shared.PeriodKeys;
import cn.wenming.practice.team.TeamDirectory;
import cn.wenming.practice.team.TeamRef;
import cn.wenming.practice.volunteer.VolunteerStatistics;

import org.springframework.stereotype.Service;

/**
 * Computes the assessment of a unit and every unit below it with a fixed number of statements:
 * each owning feature answers one grouped query for the whole subtree (rows per organising unit or
 * per home station), and the rows are rolled up the org tree here.
 * <p>
 * Targets (seed 003, 汉中市十项措施 四 and 六, 九; 004): the center holds ≥ 20 activities a year, an
 * institute ≥ 15 a year and ≥ 1 theory lecture a month, a station ≥ 2 activities and ≥ 1 theory
 * lecture a month — activities the unit organises itself, since each level has its own target; party
 * members' participation ≥ 80%, ≥ 20 service hours per volunteer a year and ≥ 50% of registered
 * volunteers with recorded hours — over the volunteers registered in the unit's subtree; each paired
 * civilized unit (文明单位 or 文明校园) ≥ 1 activity a month at the 站, 所 or 中心 it is paired with. Yearly targets are compared with the year so
 * far (January to the end of the month asked for); monthly ones with the month.
 * <p>
 * 受益群众 (issue 18, seed 004 "受益群众近百万人次") has no target: the recorded counts of the held
 * activities organised in the subtree (by start, as the activity count) plus those of the needs of
 * its stations completed in the period, for the month and the year so far.
 * <p>
 * The rest of seed 003's figures (issue 18): 品牌项目 — brand projects a center admin marked, of the
 * subtree, 5–6 per county (target ≥ 5 at the center); 中心培训 — staff-training sessions the unit
 * itself held in the year so far (≥ 2 a year at the center) and their coverage: of the staff (admins
 * granted on a unit of the subtree) and 骨干 (leaders of its active teams), each person once, the
 * share who attended ≥ 1 session this year, held by any unit (target 100%; who is missing:
 * {@link StaffTrainingCoverage}); 站每周活动 — a station's weeks of the month with ≥ 1 held activity
 * out of the month's weeks (a week is Monday to Sunday and belongs to the month its Monday is in),
 * rolled up as station-weeks of the open stations (target 100%); 活跃队伍 — active teams of the
 * subtree with confirmed hours in the month, under a project they run or serving a need (no
 * target); 在职党员 — volunteers an admin confirmed as 在职党员 with confirmed hours in the month
 * (activity or need), out of all of them (no target of its own: the 80% is for all party members).
 */
@Service
class AssessmentService {

	/** The county's calendar decides where months and years begin. */
	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	static final int CENTER_ACTIVITIES_PER_YEAR = 20;

	static final int INSTITUTE_ACTIVITIES_PER_YEAR = 15;

	static final int STATION_ACTIVITIES_PER_MONTH = 2;

	static final int THEORY_LECTURES_PER_MONTH = 1;

	static final int PARTY_PARTICIPATION_PERCENT = 80;

	static final int HOURS_PER_VOLUNTEER_PER_YEAR = 20;

	static final int VOLUNTEERS_WITH_HOURS_PERCENT = 50;

	/** Every pairing must hold at least one activity a month. */
	static final int PAIRINGS_ACTIVE_PERCENT = 100;

	/** 每县 5–6 个品牌项目: the lower bound is the target. */
	static final int BRAND_PROJECTS_PER_COUNTY = 5;

	/** 中心每年至少 2 次工作人员和骨干培训. */
	static final int STAFF_TRAININGS_PER_YEAR = 2;

	/** 全覆盖. */
	static final int STAFF_TRAINING_COVERAGE_PERCENT = 100;

	/** 站每周至少 1 次活动: every week of the month. */
	static final int STATION_WEEKS_PERCENT = 100;

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private final OrgDirectory orgs;

	private final OrgStatistics orgStatistics;

	private final ActivityStatistics activityStatistics;

	private final VolunteerStatistics volunteerStatistics;

	private final NeedStatistics needStatistics;

	private final NeedStandings needStandings;

	private final AccessControl access;

	private final LectureStatistics lectureStatistics;

	private final CivicStatistics civicStatistics;

	private final EvaluationStatistics evaluationStatistics;

	private final ProjectStatistics projectStatistics;

	private final ProjectDirectory projects;

	private final TeamDirectory teams;

	private final UnitAdmins unitAdmins;

	AssessmentService(OrgDirectory orgs, OrgStatistics orgStatistics, ActivityStatistics activityStatistics,
			VolunteerStatistics volunteerStatistics, NeedStatistics needStatistics, AccessControl access,
			NeedStandings needStandings, LectureStatistics lectureStatistics, CivicStatistics civicStatistics,
			EvaluationStatistics evaluationStatistics, ProjectStatistics projectStatistics, ProjectDirectory projects,
			TeamDirectory teams, UnitAdmins unitAdmins) {
		this.civicStatistics = civicStatistics;
		this.evaluationStatistics = evaluationStatistics;
		this.projectStatistics = projectStatistics;
		this.projects = projects;
		this.teams = teams;
		this.unitAdmins = unitAdmins;
		this.lectureStatistics = lectureStatistics;
		this.needStandings = needStandings;
		this.orgs = orgs;
		this.orgStatistics = orgStatistics;
		this.activityStatistics = activityStatistics;
		this.volunteerStatistics = volunteerStatistics;
		this.needStatistics = needStatistics;
		this.access = access;
	}

	Assessment assess(long orgUnitId, int year, int month) {
		OrgUnitRef root = this.orgs.require(orgUnitId);
		this.access.requireAdminOver(root.path());

		LocalDate yearStart = LocalDate.of(year, 1, 1);
		LocalDate monthStart = LocalDate.of(year, month, 1);
		LocalDate nextMonth = monthStart.plusMonths(1);
		Instant yearFrom = yearStart.atStartOfDay(CHINA).toInstant();
		Instant monthFrom = monthStart.atStartOfDay(CHINA).toInstant();
		Instant to = nextMonth.atStartOfDay(CHINA).toInstant();
		String prefix = root.path();

		List<OrgUnitRef> units = this.orgStatistics.subtree(root.id());
		Map<Long, Totals> own = new LinkedHashMap<>();
		units.forEach(unit -> own.put(unit.id(), new Totals()));

		List<Long> unitIds = unitIds(units);
		Map<Long, ActivityStatistics.HeldActivities> held = new HashMap<>();
		// Theory lectures (issue 18): recorded lectures plus flagged activities no lecture stands for.
		LectureStatistics.MonthlyLectures recorded = this.lectureStatistics.monthlyByUnit(unitIds, monthStart);
		for (var row : this.activityStatistics.heldByUnit(unitIds, yearFrom, monthFrom, to,
				recorded.recordedActivityIds())) {
			held.put(row.unitId(), row);
			Totals t = own.get(row.unitId());
			if (t != null) {
				t.beneficiariesMonth += row.beneficiariesMonth();
				t.beneficiariesYear += row.beneficiariesYear();
			}
		}
		Map<Long, Integer> lectures = new HashMap<>(recorded.byUnit());
		held.values().forEach(row -> lectures.merge(row.unitId(), row.theoryLecturesMonth(), Integer::sum));

		// Year to date from the hours rollups (issue 14), not the sign-ups: [yearFrom, to) is months 1..month.
		Map<Long, BigDecimal> creditHours = new HashMap<>(this.activityStatistics.creditHoursByVolunteer(year, month));
		// Confirmed need-service hours are credit hours too (issue 13), counted when confirmed.
		this.needStandings.confirmedHoursByVolunteer(year, month).forEach((v, h) -> creditHours.merge(v, h, BigDecimal::add));
		for (var row : this.volunteerStatistics.byHomeStation(unitIds, to, yearStart, nextMonth, creditHours)) {
			Totals t = own.get(row.homeStationId());
			if (t != null) {
				t.registered += row.volunteers();
				t.partyMembers += row.partyMembers();
				t.withHours += row.volunteersWithHours();
				t.partyAttended += row.partyMembersAttended();
				t.hours = t.hours.add(row.creditHours()).add(row.honorHours());
			}
		}
		Set<List<Long>> pairingsThatHeld = new HashSet<>();
		for (var row : this.activityStatistics.civilizedUnitActivities(unitIds, monthFrom, to)) {
			if (row.activities() > 0) {
				pairingsThatHeld.add(List.of(row.unitId(), row.civilizedUnitId()));
			}
		}
		for (var pairing : this.orgStatistics.pairingsLiveAt(prefix, to)) {
			// A pairing counts at the unit it is with: a 站, a 所 or the 中心 (文明单位 and 文明校园 alike).
			Totals t = own.get(pairing.orgUnitId());
			if (t != null) {
				t.pairings++;
				if (pairingsThatHeld.contains(List.of(pairing.orgUnitId(), pairing.civilizedUnitId()))) {
					t.pairingsHeld++;
				}
			}
		}
		for (var row : this.needStatistics.byStation(unitIds, yearFrom, monthFrom, to)) {
			Totals t = own.get(row.stationId());
			if (t != null) {
				t.received += row.received();
				t.fulfilled += row.fulfilled();
				t.receivedOpen += row.receivedOpenToFulfil();
				t.receivedFulfilled += row.receivedFulfilled();
				t.rated += row.rated();
				t.satisfied += row.satisfied();
				t.starsTotal += row.starsTotal();
				t.beneficiariesMonth += row.beneficiaries();
				t.beneficiariesYear += row.beneficiariesYear();
			}
		}

		// 随手拍 (issue 18, seed 001): reports submitted in the month at each station, and how many are resolved.
		this.civicStatistics.byStation(unitIds, monthFrom, to).forEach((stationId, counts) -> {
			Totals t = own.get(stationId);
			if (t != null) {
				t.civicReports += counts.received();
				t.civicResolved += counts.resolved();
			}
		});
		// 抽查评估 (year to date) and 站互评 (the month) of each station (issue 18, seed 004).
		for (var row : this.evaluationStatistics.byStation(unitIds, yearStart, nextMonth, java.time.YearMonth.of(year, month))) {
			Totals t = own.get(row.stationId());
			if (t != null) {
				t.spotChecks += (int) row.spotChecks();
				t.spotCheckTotal = t.spotCheckTotal.add(row.spotCheckTotal());
				t.peerReviews += (int) row.peerReviews();
				t.peerReviewTotal = t.peerReviewTotal.add(row.peerReviewTotal());
			}
		}

		// 品牌项目 of each unit (one statement).
		this.projectStatistics.brandProjectsByUnit(unitIds).forEach((unitId, n) -> {
			Totals t = own.get(unitId);
			if (t != null) {
				t.brandProjects += n;
			}
		});

		// 站每周活动: weeks Monday to Sunday whose Monday lies in the month (one statement).
		LocalDate firstMonday = monthStart.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
		int weeks = (int) ((nextMonth.toEpochDay() - 1 - firstMonday.toEpochDay()) / 7) + 1;
		Map<Long, Integer> weeksHeld = this.activityStatistics.weeksWithHeldActivities(unitIds,
				firstMonday.atStartOfDay(CHINA).toInstant(), weeks);
		for (OrgUnitRef unit : units) {
			if (unit.level() == OrgLevel.STATION && unit.open()) {
				Totals t = own.get(unit.id());
				t.stationWeeks += weeks;
				t.stationWeeksHeld += weeksHeld.getOrDefault(unit.id(), 0);
			}
		}

		// 活跃队伍 (four statements): the active teams, the projects they run, and who served this month.
		String monthLabel = PeriodKeys.Period.MONTH.valueOn(monthStart);
		List<TeamRef> activeTeams = this.teams.activeTeamsInUnits(unitIds);
		List<Long> teamIds = activeTeams.stream().map(TeamRef::id).toList();
		Map<Long, Long> projectTeams = this.projects.runByTeams(teamIds);
		Set<Long> servingTeams = new HashSet<>();
		for (Long project : this.activityStatistics.projectsWithCreditHoursInMonth(year, month)) {
			Long team = projectTeams.get(project);
			if (team != null) {
				servingTeams.add(team);
			}
		}
		this.needStandings.confirmedHoursByTeam(PeriodKeys.Period.MONTH, monthLabel, teamIds)
			.forEach(f -> servingTeams.add(f.id()));
		for (TeamRef team : activeTeams) {
			Totals t = own.get(team.orgUnitId());
			if (t != null) {
				t.teams++;
				if (servingTeams.contains(team.id())) {
					t.activeTeams++;
				}
			}
		}

		// 在职党员 (three statements): who served this month, by user id, then per home station.
		Set<Long> servedUsers = this.activityStatistics.usersWithCreditHoursInMonth(year, month);
		this.needStandings.confirmedHoursByUser(PeriodKeys.Period.MONTH, monthLabel, null)
			.forEach(f -> servedUsers.add(f.id()));
		for (var row : this.volunteerStatistics.inServicePartyByHomeStation(unitIds, to, servedUsers)) {
			Totals t = own.get(row.homeStationId());
			if (t != null) {
				t.inServiceParty += row.members();
				t.inServicePartyServed += row.served();
			}
		}

		// 中心培训 (three statements): sessions per unit, staff and 骨干 per unit, who attended.
		Map<Long, Integer> sessions = this.volunteerStatistics.staffTrainingSessionsByUnit(unitIds, yearStart,
				nextMonth);
		StaffPeople people = staffPeople(unitIds, activeTeams, yearStart, nextMonth);
		Map<Long, Set<Long>> subtreePeople = new HashMap<>();
		units.forEach(unit -> subtreePeople.put(unit.id(), new HashSet<>()));
		for (OrgUnitRef unit : units) {
			Set<Long> mine = people.byUnit().getOrDefault(unit.id(), Set.of());
			for (long id : unit.pathIds()) {
				Set<Long> ancestor = subtreePeople.get(id);
				if (ancestor != null) {
					ancestor.addAll(mine);
				}
			}
		}

		// Roll up: every unit's own totals count for itself and each ancestor within the subtree.
		Map<Long, Totals> subtree = new HashMap<>();
		units.forEach(unit -> subtree.put(unit.id(), new Totals()));
		for (OrgUnitRef unit : units) {
			Totals mine = own.get(unit.id());
			for (long id : unit.pathIds()) {
				Totals ancestor = subtree.get(id);
				if (ancestor != null) {
					ancestor.add(mine);
				}
			}
		}

		List<UnitAssessment> rows = new ArrayList<>(units.size());
		for (OrgUnitRef unit : units) {
			List<Figure> figures = figures(unit, held.get(unit.id()), lectures.getOrDefault(unit.id(), 0),
					subtree.get(unit.id()), month);
			Set<Long> staff = subtreePeople.get(unit.id());
			int trained = (int) staff.stream().filter(people.attended()::containsKey).count();
			boolean center = unit.level() == OrgLevel.CENTER;
			figures.add(count(Kind.STAFF_TRAINING_SESSIONS, Period.YEAR_TO_DATE, sessions.getOrDefault(unit.id(), 0),
					center ? STAFF_TRAININGS_PER_YEAR : null, center ? TargetPeriod.YEAR : null, month));
			figures.add(share(Kind.STAFF_TRAINING_COVERAGE, Period.YEAR_TO_DATE, trained, staff.size(),
					STAFF_TRAINING_COVERAGE_PERCENT, TargetPeriod.YEAR));
			rows.add(new UnitAssessment(unit.id(), unit.parentId(), unit.name(), unit.level(), unit.open(), figures));
		}
		return new Assessment(year, month, yearFrom, monthFrom, to, rows);
	}

	private static List<Figure> figures(OrgUnitRef unit, ActivityStatistics.HeldActivities held, int theoryMonth,
			Totals t, int month) {
		int heldYear = (held != null) ? held.year() : 0;
		int heldMonth = (held != null) ? held.month() : 0;
		List<Figure> figures = new ArrayList<>();
		switch (unit.level()) {
			case CITY -> {
				// A city is the counties' roll-up: its own activities count, no target of its own.
				figures.add(count(Kind.ACTIVITIES, Period.YEAR_TO_DATE, heldYear, null, null, month));
				figures.add(count(Kind.THEORY_LECTURES, Period.MONTH, theoryMonth, null, null, month));
			}
			case CENTER -> {
				figures.add(count(Kind.ACTIVITIES, Period.YEAR_TO_DATE, heldYear, CENTER_ACTIVITIES_PER_YEAR,
						TargetPeriod.YEAR, month));
				figures.add(count(Kind.THEORY_LECTURES, Period.MONTH, theoryMonth, null, null, month));
			}
			case INSTITUTE -> {
				figures.add(count(Kind.ACTIVITIES, Period.YEAR_TO_DATE, heldYear, INSTITUTE_ACTIVITIES_PER_YEAR,
						TargetPeriod.YEAR, month));
				figures.add(count(Kind.THEORY_LECTURES, Period.MONTH, theoryMonth, THEORY_LECTURES_PER_MONTH,
						TargetPeriod.MONTH, month));
			}
			case STATION -> {
				figures.add(count(Kind.ACTIVITIES, Period.MONTH, heldMonth, STATION_ACTIVITIES_PER_MONTH,
						TargetPeriod.MONTH, month));
				figures.add(count(Kind.THEORY_LECTURES, Period.MONTH, theoryMonth, THEORY_LECTURES_PER_MONTH,
						TargetPeriod.MONTH, month));
			}
			case POINT -> {
				figures.add(count(Kind.ACTIVITIES, Period.MONTH, heldMonth, null, null, month));
				figures.add(count(Kind.THEORY_LECTURES, Period.MONTH, theoryMonth, null, null, month));
			}
		}
		figures.add(share(Kind.PARTY_MEMBER_PARTICIPATION, Period.YEAR_TO_DATE, t.partyAttended, t.partyMembers,
				PARTY_PARTICIPATION_PERCENT, TargetPeriod.YEAR));
		figures.add(hoursPerVolunteer(t.hours, t.registered, month));
		figures.add(share(Kind.VOLUNTEERS_WITH_HOURS, Period.YEAR_TO_DATE, t.withHours, t.registered,
				VOLUNTEERS_WITH_HOURS_PERCENT, TargetPeriod.YEAR));
		figures.add(share(Kind.CIVILIZED_UNIT_ACTIVITIES, Period.MONTH, t.pairingsHeld, t.pairings,
				PAIRINGS_ACTIVE_PERCENT, TargetPeriod.MONTH));
		figures.add(count(Kind.NEEDS_RECEIVED, Period.MONTH, t.received, null, null, month));
		figures.add(count(Kind.NEEDS_FULFILLED, Period.MONTH, t.fulfilled, null, null, month));
		figures.add(share(Kind.NEED_FULFILMENT_RATE, Period.MONTH, t.receivedFulfilled, t.receivedOpen, null, null));
		figures.add(share(Kind.NEED_SATISFACTION, Period.MONTH, t.satisfied, t.rated, null, null));
		figures.add(new Figure(Kind.NEED_AVERAGE_RATING, Period.MONTH,
				(t.rated == 0) ? null : round(BigDecimal.valueOf(t.starsTotal), BigDecimal.valueOf(t.rated)),
				(double) t.starsTotal, (double) t.rated, null, null, null, null, null));
		figures.add(count(Kind.BENEFICIARIES, Period.MONTH, t.beneficiariesMonth, null, null, month));
		figures.add(count(Kind.BENEFICIARIES_YEAR, Period.YEAR_TO_DATE, t.beneficiariesYear, null, null, month));
		figures.add(count(Kind.CIVIC_REPORTS, Period.MONTH, t.civicReports, null, null, month));
		figures.add(count(Kind.CIVIC_REPORTS_RESOLVED, Period.MONTH, t.civicResolved, null, null, month));
		figures.add(new Figure(Kind.SPOT_CHECK_AVERAGE, Period.YEAR_TO_DATE,
				(t.spotChecks == 0) ? null : round(t.spotCheckTotal, BigDecimal.valueOf(t.spotChecks)),
				t.spotCheckTotal.doubleValue(), (double) t.spotChecks, null, null, null, null, null));
		figures.add(new Figure(Kind.PEER_REVIEW_AVERAGE, Period.MONTH,
				(t.peerReviews == 0) ? null : round(t.peerReviewTotal, BigDecimal.valueOf(t.peerReviews)),
				t.peerReviewTotal.doubleValue(), (double) t.peerReviews, null, null, null, null, null));
		boolean center = unit.level() == OrgLevel.CENTER;
		// A stock, not a flow: the brand projects marked now (a past month shows today's flags).
		Figure brand = count(Kind.BRAND_PROJECTS, Period.YEAR_TO_DATE, t.brandProjects,
				center ? BRAND_PROJECTS_PER_COUNTY : null, null, month);
		figures.add(brand);
		figures.add(share(Kind.STATION_WEEKLY_ACTIVITIES, Period.MONTH, t.stationWeeksHeld, t.stationWeeks,
				STATION_WEEKS_PERCENT, TargetPeriod.MONTH));
		figures.add(share(Kind.ACTIVE_TEAMS, Period.MONTH, t.activeTeams, t.teams, null, null));
		figures.add(share(Kind.IN_SERVICE_PARTY_PARTICIPATION, Period.MONTH, t.inServicePartyServed, t.inServiceParty,
				null, null));
		return figures;
	}

	/** A count against a target; a yearly target is also prorated to the month for {@code onTrack}. */
	private static Figure count(Kind kind, Period period, int value, Integer target, TargetPeriod per, int month) {
		Boolean met = (target == null) ? null : value >= target;
		Double expected = null;
		Boolean onTrack = null;
		if (target != null && per == TargetPeriod.YEAR) {
			expected = round(BigDecimal.valueOf((long) target * month), BigDecimal.valueOf(12));
			onTrack = 12L * value >= (long) target * month;
		}
		return new Figure(kind, period, (double) value, null, null, (target == null) ? null : target.doubleValue(),
				per, met, expected, onTrack);
	}

	/** A percentage; met is decided on the exact fraction, not the rounded value. */
	private static Figure share(Kind kind, Period period, int numerator, int denominator, Integer targetPercent,
			TargetPeriod per) {
		Double value = (denominator == 0) ? null
				: round(BigDecimal.valueOf(numerator).multiply(HUNDRED), BigDecimal.valueOf(denominator));
		Boolean met = (targetPercent == null || denominator == 0) ? null
				: 100L * numerator >= (long) targetPercent * denominator;
		return new Figure(kind, period, value, (double) numerator, (double) denominator,
				(targetPercent == null) ? null : targetPercent.doubleValue(), per, met, null, null);
	}

	private static Figure hoursPerVolunteer(BigDecimal hours, int registered, int month) {
		BigDecimal volunteers = BigDecimal.valueOf(registered);
		BigDecimal target = BigDecimal.valueOf(HOURS_PER_VOLUNTEER_PER_YEAR);
		Double value = (registered == 0) ? null : round(hours, volunteers);
		Boolean met = (registered == 0) ? null : hours.compareTo(target.multiply(volunteers)) >= 0;
		Boolean onTrack = (registered == 0) ? null
				: hours.multiply(BigDecimal.valueOf(12))
					.compareTo(target.multiply(BigDecimal.valueOf(month)).multiply(volunteers)) >= 0;
		return new Figure(Kind.HOURS_PER_VOLUNTEER, Period.YEAR_TO_DATE, value, hours.doubleValue(),
				(double) registered, target.doubleValue(), TargetPeriod.YEAR, met,
				round(target.multiply(BigDecimal.valueOf(month)), BigDecimal.valueOf(12)), onTrack);
	}

	private static double round(BigDecimal numerator, BigDecimal denominator) {
		return numerator.divide(denominator, 2, RoundingMode.HALF_UP).doubleValue();
	}

	/** Figures of one unit (its own, or rolled up over its subtree). */
	private static final class Totals {

		int registered;

		int partyMembers;

		int withHours;

		int partyAttended;

		BigDecimal hours = BigDecimal.ZERO;

		int pairings;

		int pairingsHeld;

		int received;

		int fulfilled;

		int receivedOpen;

		int receivedFulfilled;

		int rated;

		int spotChecks;

		BigDecimal spotCheckTotal = BigDecimal.ZERO;

		int peerReviews;

		BigDecimal peerReviewTotal = BigDecimal.ZERO;

		int satisfied;

		int starsTotal;

		int beneficiariesMonth;

		int beneficiariesYear;

		int civicReports;

		int civicResolved;

		int brandProjects;

		int stationWeeks;

		int stationWeeksHeld;

		int teams;

		int activeTeams;

		int inServiceParty;

		int inServicePartyServed;

		void add(Totals other) {
			this.civicReports += other.civicReports;
			this.civicResolved += other.civicResolved;
			this.brandProjects += other.brandProjects;
			this.stationWeeks += other.stationWeeks;
			this.stationWeeksHeld += other.stationWeeksHeld;
			this.teams += other.teams;
			this.activeTeams += other.activeTeams;
			this.inServiceParty += other.inServiceParty;
			this.inServicePartyServed += other.inServicePartyServed;
			this.registered += other.registered;
			this.partyMembers += other.partyMembers;
			this.withHours += other.withHours;
			this.partyAttended += other.partyAttended;
			this.hours = this.hours.add(other.hours);
			this.pairings += other.pairings;
			this.pairingsHeld += other.pairingsHeld;
			this.received += other.received;
			this.fulfilled += other.fulfilled;
			this.receivedOpen += other.receivedOpen;
			this.receivedFulfilled += other.receivedFulfilled;
			this.rated += other.rated;
			this.satisfied += other.satisfied;
			this.starsTotal += other.starsTotal;
			this.beneficiariesMonth += other.beneficiariesMonth;
			this.beneficiariesYear += other.beneficiariesYear;
			this.spotChecks += other.spotChecks;
			this.spotCheckTotal = this.spotCheckTotal.add(other.spotCheckTotal);
			this.peerReviews += other.peerReviews;
			this.peerReviewTotal = this.peerReviewTotal.add(other.peerReviewTotal);
		}

	}

	/**
	 * The staff (admins granted on a unit) and 骨干 (leaders of the active teams) of the units, each at
	 * the unit they serve, with whom of them attended a staff training in [from, to) and how often:
	 * two statements (the teams are already read).
	 */
	StaffPeople staffPeople(List<Long> unitIds, List<TeamRef> activeTeams, LocalDate from, LocalDate to) {
		Roster roster = roster(this.unitAdmins.onUnits(unitIds), activeTeams);
		Map<Long, Integer> attended = this.volunteerStatistics.staffTrainingAttendance(roster.roles().keySet(), from,
				to);
		return new StaffPeople(roster.byUnit(), roster.roles(), attended);
	}

	/**
	 * Who the staff training is for, from the admins granted on the units and their active teams: the
	 * staff and 骨干 each at the unit they serve, and in which capacity. The one definition of the
	 * coverage figure's people, also for whom a session may list ({@link StaffTrainingAttendees}).
	 */
	static Roster roster(List<UnitAdmins.UnitAdmin> admins, List<TeamRef> activeTeams) {
		Map<Long, Set<Long>> byUnit = new HashMap<>();
		Map<Long, Set<Role>> roles = new HashMap<>();
		for (UnitAdmins.UnitAdmin admin : admins) {
			byUnit.computeIfAbsent(admin.orgUnitId(), id -> new HashSet<>()).add(admin.userId());
			roles.computeIfAbsent(admin.userId(), id -> java.util.EnumSet.noneOf(Role.class)).add(Role.STAFF);
		}
		for (TeamRef team : activeTeams) {
			byUnit.computeIfAbsent(team.orgUnitId(), id -> new HashSet<>()).add(team.leaderUserId());
			roles.computeIfAbsent(team.leaderUserId(), id -> java.util.EnumSet.noneOf(Role.class))
				.add(Role.TEAM_LEADER);
		}
		return new Roster(byUnit, roles);
	}

	/** The staff and 骨干 per unit they serve, and each person's capacities. */
	record Roster(Map<Long, Set<Long>> byUnit, Map<Long, Set<Role>> roles) {
	}

	/** Who must be trained, per unit they serve, in which capacity, and the sessions each attended. */
	record StaffPeople(Map<Long, Set<Long>> byUnit, Map<Long, Set<Role>> roles, Map<Long, Integer> attended) {
	}

	/** Why a person must attend the staff training: GraphQL {@code StaffTrainingRole}. */
	enum Role {

		STAFF, TEAM_LEADER

	}

	private static List<Long> unitIds(List<OrgUnitRef> units) {
		return units.stream().map(OrgUnitRef::id).toList();
	}

}
