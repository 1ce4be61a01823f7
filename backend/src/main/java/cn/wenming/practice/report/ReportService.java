package cn.wenming.practice.report;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.wenming.practice.auth.AccessControl;
import cn.wenming.practice.auth.Actor;
import cn.wenming.practice.org.OrgDirectory;
import cn.wenming.practice.org.OrgError;
import cn.wenming.practice.org.OrgLevel;
import cn.wenming.practice.org.OrgStatistics;
import cn.wenming.practice.org.OrgUnitRef;
import cn.wenming.practice.shared.CommonError;
import cn.wenming.practice.shared.ContentSecurity;
import cn.wenming.practice.shared.DomainException;
import cn.wenming.practice.shared.PeriodKeys;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 工作报告: drafted, edited and published by admins covering the unit; read by them and by the
 * admins above (a sibling unit's admins may not). The rules:
 * <ul>
 * <li>One report per unit, kind and period, in versions. {@code draft} creates version 1 (or, while
 * the newest version is a draft, recomputes its figures); once published nothing about it changes.</li>
 * <li>{@code publish} is idempotent: publishing a published (or superseded) version answers it as it
 * is. Publishing a correction marks the version it corrects SUPERSEDED in the same transaction.</li>
 * <li>{@code correct} starts version n + 1 from the newest published version, with a reason (shown
 * to the level above) and fresh figures; the unique key on (unit, kind, period, version) settles
 * concurrent drafts and corrections.</li>
 * <li>Highlights (text, msgSecCheck) and up to {@value #MAX_HIGHLIGHTED} highlighted activities,
 * picked among the activities held in the subtree in the period (the snapshot's list).</li>
 * </ul>
 */
@Service
class ReportService {

	static final int MAX_HIGHLIGHTED = 5;

	private final WorkReportMapper reports;

	private final ReportFiguresCalculator calculator;

	private final OrgDirectory orgs;

	private final OrgStatistics orgStatistics;

	private final AccessControl access;

	private final ContentSecurity content;

	private final JsonMapper json;

	private final TransactionTemplate tx;

	private final Clock clock;

	ReportService(WorkReportMapper reports, ReportFiguresCalculator calculator, OrgDirectory orgs,
			OrgStatistics orgStatistics, AccessControl access, ContentSecurity content, JsonMapper json,
			TransactionTemplate tx, Clock clock) {
		this.reports = reports;
		this.calculator = calculator;
		this.orgs = orgs;
		this.orgStatistics = orgStatistics;
		this.access = access;
		this.content = content;
		this.json = json;
		this.tx = tx;
		this.clock = clock;
	}

	record DraftReport(long orgUnitId, ReportKind kind, String period) {
	}

	record EditReport(long id, String highlights, List<Long> highlightedActivityIds) {
	}

	record CorrectReport(long id, String reason) {
	}

	ReportView draft(DraftReport input) {
		OrgUnitRef unit = this.orgs.require(input.orgUnitId());
		Actor actor = this.access.requireAdminOver(unit.path());
		if (unit.level() == OrgLevel.POINT) {
			throw new DomainException(ReportError.REPORT_UNIT_NOT_REPORTING);
		}
		ReportPeriod period = ReportPeriod.parse(input.kind(), input.period());
		if (period.first().isAfter(LocalDate.now(this.clock.withZone(PeriodKeys.ZONE)))) {
			throw new DomainException(ReportError.REPORT_PERIOD_NOT_STARTED);
		}
		WorkReport latest = this.reports.latest(unit.id(), period.kind().name(), period.label());
		if (latest != null && latest.statusValue() != ReportStatus.DRAFT) {
			throw new DomainException(ReportError.REPORT_ALREADY_PUBLISHED);
		}
		ReportDocument document = this.calculator.compute(unit, period);
		Instant now = now();
		if (latest != null) {
			String figures = write(document);
			// The highlighted ids are read again under the row's lock: an editReport that committed while
			// the figures were computed keeps its picks (less those no longer held in the period).
			boolean refreshed = Boolean.TRUE.equals(this.tx.execute(status -> {
				WorkReport current = this.reports.lockById(latest.id);
				return current.statusValue() == ReportStatus.DRAFT && this.reports.refresh(latest.id, figures,
						keptHighlights(current.highlightedIds, document), now) == 1;
			}));
			if (!refreshed) {
				throw new DomainException(ReportError.REPORT_NOT_DRAFT);
			}
			return view(this.reports.selectById(latest.id));
		}
		WorkReport row = newVersion(unit, period, 1, document, actor, now);
		this.tx.executeWithoutResult(status -> {
			requireOpen(unit);
			try {
				this.reports.insert(row);
			}
			catch (DuplicateKeyException ex) {
				// Drafted by someone else in the meantime: theirs is the draft.
				throw new DomainException(CommonError.CONFLICT);
			}
		});
		return view(this.reports.selectById(row.id));
	}

	ReportView edit(EditReport input) {
		WorkReport report = require(input.id());
		Actor actor = this.access.requireAdminOver(this.orgs.require(report.orgUnitId).path());
		if (report.statusValue() != ReportStatus.DRAFT) {
			throw new DomainException(ReportError.REPORT_NOT_DRAFT);
		}
		List<Long> picked = new ArrayList<>(new LinkedHashSet<>(
				(input.highlightedActivityIds() == null) ? List.of() : input.highlightedActivityIds()));
		if (picked.size() > MAX_HIGHLIGHTED) {
			throw new DomainException(ReportError.REPORT_TOO_MANY_HIGHLIGHTED);
		}
		ReportDocument document = read(report.figures);
		Set<Long> held = document.activities().stream().map(ReportDocument.Activity::id).collect(Collectors.toSet());
		if (!held.containsAll(picked)) {
			throw new DomainException(ReportError.REPORT_HIGHLIGHT_NOT_IN_PERIOD);
		}
		String highlights = (input.highlights() == null) ? null : input.highlights().strip();
		if (highlights != null && highlights.isEmpty()) {
			highlights = null;
		}
		if (highlights != null) {
			// The level above reads it: msgSecCheck before it is stored (no transaction is open).
			this.content.requirePass(this.access.openidOf(actor.userId()), ContentSecurity.Scene.PROFILE, null,
					highlights);
		}
		if (this.reports.edit(report.id, highlights, ids(picked), now()) == 0) {
			throw new DomainException(ReportError.REPORT_NOT_DRAFT);
		}
		return view(this.reports.selectById(report.id));
	}

	ReportView publish(long id) {
		WorkReport report = require(id);
		OrgUnitRef unit = this.orgs.require(report.orgUnitId);
		Actor actor = this.access.requireAdminOver(unit.path());
		if (report.statusValue() != ReportStatus.DRAFT) {
			return view(report);
		}
		Instant now = now();
		this.tx.executeWithoutResult(status -> {
			requireOpen(unit);
			if (this.reports.publish(report.id, actor.userId(), now) == 1 && report.supersedesId != null) {
				this.reports.supersede(report.supersedesId, now);
			}
		});
		return view(this.reports.selectById(report.id));
	}

	ReportView correct(CorrectReport input) {
		WorkReport report = require(input.id());
		OrgUnitRef unit = this.orgs.require(report.orgUnitId);
		Actor actor = this.access.requireAdminOver(unit.path());
		WorkReport latest = this.reports.latest(report.orgUnitId, report.kind, report.period);
		if (latest.statusValue() == ReportStatus.DRAFT && latest.supersedesId != null) {
			throw new DomainException(ReportError.REPORT_CORRECTION_PENDING);
		}
		if (report.statusValue() != ReportStatus.PUBLISHED || !latest.id.equals(report.id)) {
			throw new DomainException(ReportError.REPORT_NOT_PUBLISHED);
		}
		String reason = (input.reason() == null) ? "" : input.reason().strip();
		if (reason.length() < 2 || reason.length() > 200) {
			throw DomainException.badRequest("更正原因为 2–200 字");
		}
		this.content.requirePass(this.access.openidOf(actor.userId()), ContentSecurity.Scene.PROFILE, null, reason);
		ReportPeriod period = ReportPeriod.parse(ReportKind.valueOf(report.kind), report.period);
		ReportDocument document = this.calculator.compute(unit, period);
		WorkReport row = newVersion(unit, period, report.version + 1, document, actor, now());
		row.supersedesId = report.id;
		row.correctionReason = reason;
		row.highlights = report.highlights;
		row.highlightedIds = keptHighlights(report.highlightedIds, document);
		this.tx.executeWithoutResult(status -> {
			requireOpen(unit);
			try {
				this.reports.insert(row);
			}
			catch (DuplicateKeyException ex) {
				throw new DomainException(ReportError.REPORT_CORRECTION_PENDING);
			}
		});
		return view(this.reports.selectById(row.id));
	}

	/** One version, to admins covering its unit (the unit's own and those above). */
	ReportView get(long id) {
		WorkReport report = require(id);
		this.access.requireAdminOver(this.orgs.require(report.orgUnitId).path());
		return view(report);
	}

	/** The unit's own reports, every version. */
	List<ReportView> ofUnit(long orgUnitId, ReportKind kind) {
		this.access.requireAdminOver(this.orgs.require(orgUnitId).path());
		return this.reports.ofUnit(orgUnitId, (kind == null) ? null : kind.name()).stream().map(this::view).toList();
	}

	/**
	 * The direct children's current published reports for the kind and period (the current period
	 * when none is given), and the open children of reporting levels that have sent none.
	 */
	ReceivedReports received(long orgUnitId, ReportKind kind, String period) {
		OrgUnitRef unit = this.orgs.require(orgUnitId);
		this.access.requireAdminOver(unit.path());
		ReportPeriod p = (period == null || period.isBlank())
				? ReportPeriod.containing(kind, LocalDate.now(this.clock.withZone(PeriodKeys.ZONE)))
				: ReportPeriod.parse(kind, period);
		List<OrgUnitRef> children = this.orgStatistics.subtree(unit.id())
			.stream()
			.filter(u -> u.parentId() != null && u.parentId() == unit.id())
			.toList();
		List<ReportView> published = children.isEmpty() ? List.of()
				: this.reports.publishedOf(children.stream().map(OrgUnitRef::id).toList(), kind.name(), p.label())
					.stream()
					.map(this::view)
					.toList();
		Set<Long> reported = published.stream().map(ReportView::orgUnitId).collect(Collectors.toSet());
		List<ReceivedReports.ReportingUnit> missing = children.stream()
			.filter(u -> u.open() && u.level() != OrgLevel.POINT && !reported.contains(u.id()))
			.map(u -> new ReceivedReports.ReportingUnit(u.id(), u.name(), u.level().name()))
			.toList();
		return new ReceivedReports(unit.id(), kind, p.label(), published, missing);
	}

	Map<Long, String> unitNames(List<Long> ids) {
		return this.orgs.findAll(ids.stream().distinct().toList())
			.values()
			.stream()
			.collect(Collectors.toMap(OrgUnitRef::id, OrgUnitRef::name));
	}

	private WorkReport newVersion(OrgUnitRef unit, ReportPeriod period, int version, ReportDocument document,
			Actor actor, Instant now) {
		WorkReport row = new WorkReport();
		row.orgUnitId = unit.id();
		row.kind = period.kind().name();
		row.period = period.label();
		row.version = version;
		row.status = ReportStatus.DRAFT.name();
		row.figures = write(document);
		row.computedAt = document.computedAt();
		row.createdBy = actor.userId();
		row.createdAt = now;
		row.updatedAt = now;
		return row;
	}

	private WorkReport require(long id) {
		WorkReport report = this.reports.selectById(id);
		if (report == null) {
			throw DomainException.notFound("工作报告");
		}
		return report;
	}

	private void requireOpen(OrgUnitRef unit) {
		if (!this.orgs.lockIfOpen(unit.id())) {
			throw new DomainException(OrgError.ORG_UNIT_CLOSED);
		}
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	ReportView view(WorkReport row) {
		ReportDocument document = read(row.figures);
		ReportPeriod period = ReportPeriod.parse(ReportKind.valueOf(row.kind), row.period);
		Map<Long, ReportDocument.Activity> byId = document.activities()
			.stream()
			.collect(Collectors.toMap(ReportDocument.Activity::id, Function.identity(), (a, b) -> a));
		List<ReportDocument.Activity> highlighted = parseIds(row.highlightedIds).stream()
			.map(byId::get)
			.filter(java.util.Objects::nonNull)
			.toList();
		return new ReportView(row.id, row.orgUnitId, ReportKind.valueOf(row.kind), row.period,
				period.first().toString(), period.last().toString(), row.version, row.statusValue(),
				document.totals(), document.units(), document.activities(), row.highlights, highlighted,
				row.supersedesId, row.correctionReason, row.computedAt, row.createdAt, row.publishedAt);
	}

	private String write(ReportDocument document) {
		return this.json.writeValueAsString(document);
	}

	private ReportDocument read(String figures) {
		return this.json.readValue(figures, ReportDocument.class);
	}

	/** The highlighted ids still among the document's activities (a refresh may drop some). */
	private static String keptHighlights(String highlightedIds, ReportDocument document) {
		Set<Long> held = document.activities().stream().map(ReportDocument.Activity::id).collect(Collectors.toSet());
		return ids(parseIds(highlightedIds).stream().filter(held::contains).toList());
	}

	private static List<Long> parseIds(String ids) {
		if (ids == null || ids.isBlank()) {
			return List.of();
		}
		return Arrays.stream(ids.split(",")).map(Long::valueOf).toList();
	}

	private static String ids(List<Long> ids) {
		return ids.isEmpty() ? null : ids.stream().map(String::valueOf).collect(Collectors.joining(","));
	}

}
