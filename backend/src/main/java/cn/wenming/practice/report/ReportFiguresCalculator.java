package cn.wenming.practice.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.wenming.practice.activity.ActivityReportFigures;
import cn.wenming.practice.need.NeedReportFigures;
import cn.wenming.practice.need.NeedStatistics;
import cn.wenming.practice.org.OrgStatistics;
import cn.wenming.practice.org.OrgUnitRef;
import cn.wenming.practice.volunteer.VolunteerStatistics;

import org.springframework.stereotype.Component;

/**
 * Computes a report's figures for a unit's subtree and period with a fixed number of statements:
 * each owning feature answers grouped rows per organising unit, station or home station, rolled up
 * the org tree here as the assessment does.
 */
@Component
class ReportFiguresCalculator {

	private final OrgStatistics orgs;

	private final ActivityReportFigures activities;

	private final NeedStatistics needs;

	private final NeedReportFigures needFigures;

	private final VolunteerStatistics volunteers;

	private final Clock clock;

	ReportFiguresCalculator(OrgStatistics orgs, ActivityReportFigures activities, NeedStatistics needs,
			NeedReportFigures needFigures, VolunteerStatistics volunteers, Clock clock) {
		this.orgs = orgs;
		this.activities = activities;
		this.needs = needs;
		this.needFigures = needFigures;
		this.volunteers = volunteers;
		this.clock = clock;
	}

	ReportDocument compute(OrgUnitRef root, ReportPeriod period) {
		Instant now = this.clock.instant();
		Instant from = period.from();
		Instant to = period.to();
		List<OrgUnitRef> units = this.orgs.subtree(root.id());
		Map<Long, OrgUnitRef> byId = new LinkedHashMap<>();
		units.forEach(u -> byId.put(u.id(), u));
		List<Long> unitIds = List.copyOf(byId.keySet());
		Map<Long, Totals> own = new HashMap<>();
		units.forEach(u -> own.put(u.id(), new Totals()));

		for (var row : this.activities.byUnit(unitIds, from, to)) {
			Totals t = own.get(row.unitId());
			if (t != null) {
				t.held += row.held();
				t.signUps += row.signUps();
				t.participants += row.participants();
				t.beneficiaries += row.beneficiaries();
			}
		}
		for (var row : this.needs.byStation(unitIds, from, to)) {
			Totals t = own.get(row.stationId());
			if (t != null) {
				t.received += row.received();
				t.fulfilled += row.fulfilled();
				t.rated += row.rated();
				t.satisfied += row.satisfied();
				t.beneficiaries += row.beneficiaries();
			}
		}
		// Overdue as far as the period has gone: a deadline later today is not missed yet.
		Instant overdueTo = now.isBefore(to) ? now : to;
		this.needFigures.overdueByStation(unitIds, from, overdueTo).forEach((station, count) -> {
			Totals t = own.get(station);
			if (t != null) {
				t.overdue += count;
			}
		});
		Map<Long, BigDecimal> credit = new HashMap<>(
				this.activities.creditHoursByVolunteer(period.rollupPeriod(), period.label()));
		this.needFigures.confirmedHoursByVolunteer(period.rollupPeriod(), period.label())
			.forEach((v, h) -> credit.merge(v, h, BigDecimal::add));
		for (var row : this.volunteers.byHomeStation(unitIds, to, period.first(), period.next(), credit)) {
			Totals t = own.get(row.homeStationId());
			if (t != null) {
				t.volunteers += row.volunteers();
				t.newVolunteers += row.volunteers();
				t.hours = t.hours.add(row.creditHours()).add(row.honorHours());
			}
		}
		for (var row : this.volunteers.byHomeStation(unitIds, from, period.first(), period.first(), Map.of())) {
			Totals t = own.get(row.homeStationId());
			if (t != null) {
				t.newVolunteers -= row.volunteers();
			}
		}

		// Roll up: every unit's own totals count for itself and each ancestor within the subtree.
		Map<Long, Totals> subtree = new HashMap<>();
		units.forEach(u -> subtree.put(u.id(), new Totals()));
		for (OrgUnitRef unit : units) {
			for (long id : unit.pathIds()) {
				Totals ancestor = subtree.get(id);
				if (ancestor != null) {
					ancestor.add(own.get(unit.id()));
				}
			}
		}
		List<ReportDocument.UnitRow> rows = new ArrayList<>();
		rows.add(new ReportDocument.UnitRow(root.id(), root.name(), root.level().name(), true,
				own.get(root.id()).figures()));
		for (OrgUnitRef unit : units) {
			if (unit.parentId() != null && unit.parentId() == root.id()) {
				rows.add(new ReportDocument.UnitRow(unit.id(), unit.name(), unit.level().name(), false,
						subtree.get(unit.id()).figures()));
			}
		}
		List<ReportDocument.Activity> held = this.activities
			.held(unitIds, from, to, ReportDocument.MAX_ACTIVITIES)
			.stream()
			.map(a -> new ReportDocument.Activity(a.id(), a.unitId(),
					byId.containsKey(a.unitId()) ? byId.get(a.unitId()).name() : "", a.title(), a.startsAt(),
					a.participants(), a.beneficiaries()))
			.toList();
		return new ReportDocument(subtree.get(root.id()).figures(), rows, held, now);
	}

	private static final class Totals {

		int held;

		int signUps;

		int participants;

		int received;

		int fulfilled;

		int overdue;

		int rated;

		int satisfied;

		int volunteers;

		int newVolunteers;

		int beneficiaries;

		BigDecimal hours = BigDecimal.ZERO;

		void add(Totals o) {
			this.held += o.held;
			this.signUps += o.signUps;
			this.participants += o.participants;
			this.received += o.received;
			this.fulfilled += o.fulfilled;
			this.overdue += o.overdue;
			this.rated += o.rated;
			this.satisfied += o.satisfied;
			this.volunteers += o.volunteers;
			this.newVolunteers += o.newVolunteers;
			this.beneficiaries += o.beneficiaries;
			this.hours = this.hours.add(o.hours);
		}

		ReportDocument.Figures figures() {
			Double satisfaction = (this.rated == 0) ? null
					: BigDecimal.valueOf(this.satisfied * 100L)
						.divide(BigDecimal.valueOf(this.rated), 2, RoundingMode.HALF_UP)
						.doubleValue();
			return new ReportDocument.Figures(this.held, this.signUps, this.participants, this.received,
					this.fulfilled, this.overdue, this.rated, this.satisfied, satisfaction,
					this.hours.setScale(2, RoundingMode.HALF_UP).doubleValue(), this.volunteers, this.newVolunteers,
					this.beneficiaries);
		}

	}

}
