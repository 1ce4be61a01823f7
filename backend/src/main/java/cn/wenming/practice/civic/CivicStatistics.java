package cn.wenming.practice.civic;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.wenming.practice.auth.AccessControl;
import cn.wenming.practice.org.OrgDirectory;
import cn.wenming.practice.org.OrgLevel;
import cn.wenming.practice.org.OrgUnitRef;

import java.time.Clock;

import org.springframework.stereotype.Component;

/**
 * 随手拍 counts for a month, for the assessment, the 落实清单 and {@code civicReportStatistics}. A
 * report belongs to the month (Asia/Shanghai) in which it was submitted and to every unit whose
 * subtree holds its station; states are those at computation time. received: every report of the
 * month; accepted: taken up (everything but SUBMITTED and REJECTED); resolved: RESOLVED or VERIFIED;
 * verified: VERIFIED; overdue: in hand past its deadline day. One statement for any subtree.
 */
@Component
public class CivicStatistics {

	private final CivicReportMapper reports;

	private final OrgDirectory orgs;

	private final AccessControl access;

	private final Clock clock;

	CivicStatistics(CivicReportMapper reports, OrgDirectory orgs, AccessControl access, Clock clock) {
		this.reports = reports;
		this.orgs = orgs;
		this.access = access;
		this.clock = clock;
	}

	/** The counts of one group of reports. */
	public record Counts(int received, int accepted, int rejected, int resolved, int verified, int overdue) {

		static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0);

		Counts plus(CivicStatus status, int n, int late) {
			boolean taken = status != CivicStatus.SUBMITTED && status != CivicStatus.REJECTED;
			boolean done = status == CivicStatus.RESOLVED || status == CivicStatus.VERIFIED;
			return new Counts(this.received + n, this.accepted + (taken ? n : 0),
					this.rejected + ((status == CivicStatus.REJECTED) ? n : 0), this.resolved + (done ? n : 0),
					this.verified + ((status == CivicStatus.VERIFIED) ? n : 0), this.overdue + late);
		}

		/** These counts and the other's together. */
		public Counts plus(Counts other) {
			return new Counts(this.received + other.received, this.accepted + other.accepted,
					this.rejected + other.rejected, this.resolved + other.resolved, this.verified + other.verified,
					this.overdue + other.overdue);
		}

	}

	/** A category's counts; {@code label} is the Chinese name. */
	public record CategoryCounts(String category, String label, Counts counts) {
	}

	/** Counts per station among {@code stationIds} of the reports submitted in [from, to). */
	public Map<Long, Counts> byStation(Collection<Long> stationIds, Instant from, Instant to) {
		Map<Long, Counts> out = new HashMap<>();
		for (var row : rows(stationIds, from, to)) {
			out.merge(row.stationId(), Counts.NONE.plus(row.status(), (int) row.reports(), (int) row.overdue()),
					Counts::plus);
		}
		return out;
	}

	/** Counts per category (every category, in their order) of the reports submitted in [from, to). */
	public List<CategoryCounts> byCategory(Collection<Long> stationIds, Instant from, Instant to) {
		return categories(rows(stationIds, from, to));
	}

	private static List<CategoryCounts> categories(List<CivicReportMapper.CountRow> rows) {
		Map<CivicCategory, Counts> counts = new EnumMap<>(CivicCategory.class);
		for (CivicCategory category : CivicCategory.values()) {
			counts.put(category, Counts.NONE);
		}
		for (var row : rows) {
			counts.merge(row.category(), Counts.NONE.plus(row.status(), (int) row.reports(), (int) row.overdue()),
					Counts::plus);
		}
		List<CategoryCounts> out = new ArrayList<>();
		counts.forEach((category, c) -> out.add(new CategoryCounts(category.name(), category.label(), c)));
		return out;
	}

	private List<CivicReportMapper.CountRow> rows(Collection<Long> stationIds, Instant from, Instant to) {
		if (stationIds.isEmpty()) {
			return List.of();
		}
		return this.reports.counts(stationIds, from, to, LocalDate.now(this.clock.withZone(CivicReports.CHINA)));
	}

	/** GraphQL {@code CivicReportStatistics}. */
	record Monthly(long orgUnitId, int year, int month, Counts total, List<CategoryCounts> byCategory,
			List<UnitCounts> byUnit) {
	}

	/** GraphQL {@code CivicUnitCounts}: a 所 or station of the subtree, with its own subtree's counts. */
	record UnitCounts(long orgUnitId, String name, OrgLevel level, Counts counts) {
	}

	/** For admins covering the unit: the month's counts, by category and by 所 and station of its subtree. */
	Monthly monthly(long orgUnitId, int year, int month) {
		OrgUnitRef root = this.orgs.require(orgUnitId);
		this.access.requireAdminOver(root.path());
		LocalDate first = LocalDate.of(year, month, 1);
		Instant from = first.atStartOfDay(CivicReports.CHINA).toInstant();
		Instant to = first.plusMonths(1).atStartOfDay(CivicReports.CHINA).toInstant();
		List<Long> ids = this.orgs.subtreeIds(root.path());
		List<CivicReportMapper.CountRow> rows = rows(ids, from, to);
		Map<Long, OrgUnitRef> units = this.orgs.findAll(ids);
		Map<Long, Counts> own = new HashMap<>();
		Counts total = Counts.NONE;
		for (var row : rows) {
			Counts c = Counts.NONE.plus(row.status(), (int) row.reports(), (int) row.overdue());
			own.merge(row.stationId(), c, Counts::plus);
			total = total.plus(c);
		}
		// Each station's counts go to itself and to every 所 above it within the subtree.
		Map<Long, Counts> rolled = new LinkedHashMap<>();
		units.values()
			.stream()
			.filter(u -> u.level() == OrgLevel.INSTITUTE || u.level() == OrgLevel.STATION)
			.sorted(java.util.Comparator.comparing(OrgUnitRef::path))
			.forEach(u -> rolled.put(u.id(), Counts.NONE));
		own.forEach((stationId, c) -> {
			OrgUnitRef station = units.get(stationId);
			if (station == null) {
				return;
			}
			for (long id : station.pathIds()) {
				if (rolled.containsKey(id)) {
					rolled.merge(id, c, Counts::plus);
				}
			}
		});
		List<UnitCounts> byUnit = new ArrayList<>();
		rolled.forEach((id, c) -> {
			OrgUnitRef unit = units.get(id);
			byUnit.add(new UnitCounts(id, unit.name(), unit.level(), c));
		});
		return new Monthly(root.id(), year, month, total, categories(rows), byUnit);
	}

}
