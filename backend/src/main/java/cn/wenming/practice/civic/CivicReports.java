package cn.wenming.practice.civic;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

import cn.wenming.practice.auth.AccessControl;
import cn.wenming.practice.auth.Actor;
import cn.wenming.practice.media.PhotoSubject;
import cn.wenming.practice.media.Photos;
import cn.wenming.practice.org.OrgDirectory;
import cn.wenming.practice.org.OrgError;
import cn.wenming.practice.org.OrgLevel;
import cn.wenming.practice.org.OrgUnitRef;
import cn.wenming.practice.shared.CommonError;
import cn.wenming.practice.shared.Connections;
import cn.wenming.practice.shared.ContentSecurity;
import cn.wenming.practice.shared.ContentSecurity.Scene;
import cn.wenming.practice.shared.CreationKeys;
import cn.wenming.practice.shared.DomainException;
import cn.wenming.practice.shared.RateLimitedException;
import cn.wenming.practice.shared.RateLimiter;
import cn.wenming.practice.shared.RecordCorrections;
import cn.wenming.practice.team.TeamDirectory;
import cn.wenming.practice.team.TeamRef;
import cn.wenming.practice.volunteer.VolunteerDirectory;
import graphql.relay.Connection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 随手拍 from report to verification. Texts (description, reasons, routes, notes) pass WeChat's
 * msgSecCheck before anything is stored and outside any transaction. Staff are the admins covering
 * the report's station; nobody handles or verifies their own report, and the resolver never verifies
 * their own resolution. Each move is a guarded UPDATE plus a trail row in one transaction: of two
 * admins acting at once, one wins and the other gets {@code CIVIC_REPORT_STATE_CHANGED}.
 */
@Service
class CivicReports {

	private static final Logger log = LoggerFactory.getLogger(CivicReports.class);

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	/** How far the nearest station may be when the reporter chose none (a county's width, as for needs). */
	static final int NEAREST_STATION_RADIUS_METERS = 30_000;

	/** Redis prefix of the per-volunteer submission bucket (owned by this feature). */
	static final String QUOTA_PREFIX = "civic:submit-quota:";

	private final CivicReportMapper reports;

	private final OrgDirectory orgs;

	private final AccessControl access;

	private final VolunteerDirectory volunteers;

	private final TeamDirectory teams;

	private final Photos photos;

	private final ContentSecurity content;

	private final RateLimiter limiter;

	private final CivicProperties properties;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate tx;

	private final Clock clock;

	CivicReports(CivicReportMapper reports, OrgDirectory orgs, AccessControl access, VolunteerDirectory volunteers,
			TeamDirectory teams, Photos photos, ContentSecurity content, RateLimiter limiter,
			CivicProperties properties, ApplicationEventPublisher events, TransactionTemplate tx, Clock clock) {
		this.reports = reports;
		this.orgs = orgs;
		this.access = access;
		this.volunteers = volunteers;
		this.teams = teams;
		this.photos = photos;
		this.content = content;
		this.limiter = limiter;
		this.properties = properties;
		this.events = events;
		this.tx = tx;
		this.clock = clock;
	}

	/** A report as sent; a resend with the reporter's {@code idempotencyKey} answers the report made. */
	record Submit(CivicCategory category, String description, List<Long> photoIds, double latitude, double longitude,
			String address, Long stationId, String idempotencyKey) {
	}

	record Triage(long reportId, boolean accept, String deadlineOn, String reason) {
	}

	record Route(long reportId, Long teamId, String departmentName, String departmentContact, String note) {
	}

	record Resolve(long reportId, String note, List<Long> photoIds) {
	}

	record Verify(long reportId, boolean approve, String note) {
	}

	CivicReportView submit(Submit command) {
		Actor actor = this.access.requireActor();
		if (this.volunteers.findByUserId(actor.userId()).isEmpty()) {
			throw new DomainException(CivicError.CIVIC_VOLUNTEER_REQUIRED);
		}
		// A resend (a double tap, the client's retry of a 503 whose commit went through) answers the report
		// made once, before the day's quota is taken: a retry is not another report.
		CreationKeys.Create<CivicReportView> keyed = CreationKeys.create(command.idempotencyKey(),
				RecordCorrections.digest("CIVIC_REPORT", command.category(), command.description().strip(),
						command.address().strip(), decimal(command.latitude()), decimal(command.longitude()),
						command.stationId(),
						(command.photoIds() == null || command.photoIds().isEmpty()) ? null : command.photoIds()),
				() -> this.reports.findByKey(actor.userId(), command.idempotencyKey()),
				id -> viewFor(actor, this.reports.selectById(id)));
		CivicReportView earlier = keyed.earlier();
		if (earlier != null) {
			return earlier;
		}
		List<Long> photoIds = this.photos.validateIds(command.photoIds());
		OrgUnitRef station = stationFor(command);
		Duration wait = this.limiter.take(QUOTA_PREFIX + actor.userId(), new RateLimiter.Bucket(
				this.properties.submitQuota().capacity(), this.properties.submitQuota().refillPeriod()));
		if (!wait.isZero()) {
			this.limiter.refused("civic-submit");
			throw new RateLimitedException(wait);
		}
		String description = command.description().strip();
		String address = command.address().strip();
		// Others (staff, and the public once verified) read these: checked before anything is stored.
		this.content.requirePass(this.access.openidOf(actor.userId()), Scene.FORUM, null, description + "\n" + address);
		Instant now = this.clock.instant();
		CivicReport row = new CivicReport();
		row.category = command.category();
		row.description = description;
		row.address = address;
		row.latitude = decimal(command.latitude());
		row.longitude = decimal(command.longitude());
		row.stationId = station.id();
		row.reporterUserId = actor.userId();
		row.status = CivicStatus.SUBMITTED;
		row.photosPublic = false;
		row.version = 0;
		row.createdAt = now;
		row.updatedAt = now;
		row.idempotencyKey = command.idempotencyKey();
		row.requestDigest = keyed.digest();
		return keyed.once(log, "Submitting civic report", () -> this.tx.executeWithoutResult(status -> {
			if (!this.orgs.lockIfOpen(station.id())) {
				throw new DomainException(OrgError.ORG_UNIT_CLOSED);
			}
			this.reports.insert(row);
			this.photos.attach(actor.userId(), photoIds, PhotoSubject.CIVIC_REPORT, row.id, station.id());
			this.reports.record(row.id, null, CivicStatus.SUBMITTED, actor.userId(), null, now);
		}), () -> viewFor(actor, this.reports.selectById(row.id)));
	}

	CivicReportView triage(Triage command) {
		CivicReport report = require(command.reportId());
		Actor actor = requireStaff(report, true);
		LocalDate deadline = null;
		String reason = null;
		if (command.accept()) {
			deadline = parseDeadline(command.deadlineOn());
		}
		else {
			reason = requireText(command.reason(), "驳回须填写原因");
			requirePass(actor, reason);
		}
		CivicStatus to = command.accept() ? CivicStatus.ACCEPTED : CivicStatus.REJECTED;
		Instant now = this.clock.instant();
		LocalDate due = deadline;
		String why = reason;
		move(() -> this.reports.triage(report.id, to, due, why, actor.userId(), now), report.id, CivicStatus.SUBMITTED,
				to, actor, command.accept() ? "受理，办理期限 " + deadline : why, now);
		return viewFor(actor, this.reports.selectById(report.id));
	}

	CivicReportView route(Route command) {
		CivicReport report = require(command.reportId());
		Actor actor = requireStaff(report, true);
		String name = blankToNull(command.departmentName());
		String contact = blankToNull(command.departmentContact());
		String note = blankToNull(command.note());
		String target;
		if (command.teamId() != null) {
			if (name != null || contact != null) {
				throw new DomainException(CivicError.CIVIC_ROUTE_TARGET_INVALID);
			}
			TeamRef team = this.teams.findTeam(command.teamId())
				.filter(TeamRef::active)
				.orElseThrow(() -> new DomainException(CivicError.CIVIC_ROUTE_TARGET_INVALID));
			if (!actor.isAdminOver(this.orgs.require(team.orgUnitId()).path())) {
				throw new DomainException(CivicError.CIVIC_ROUTE_TARGET_INVALID);
			}
			target = "转交队伍：" + team.name();
		}
		else {
			if (name == null || contact == null || name.length() > 60 || contact.length() > 60) {
				throw new DomainException(CivicError.CIVIC_ROUTE_TARGET_INVALID);
			}
			target = "转交部门：" + name + "（" + contact + "）";
		}
		String text = (note == null) ? target : target + "；" + note;
		requirePass(actor, text);
		Instant now = this.clock.instant();
		move(() -> this.reports.route(report.id, report.version, command.teamId(), name, contact, actor.userId(), now),
				report.id, report.status, CivicStatus.ROUTED, actor, clip(text), now);
		return viewFor(actor, this.reports.selectById(report.id));
	}

	CivicReportView resolve(Resolve command) {
		CivicReport report = require(command.reportId());
		Actor actor = requireStaff(report, true);
		String note = requireText(command.note(), "请填写办理结果");
		List<Long> photoIds = this.photos.validateIds(command.photoIds());
		requirePass(actor, note);
		Instant now = this.clock.instant();
		// The publishable mark covers the photos staff looked at: new resolution photos take it back
		// (in the same transaction, whatever a concurrent mark did), or they would go public at
		// verification unseen.
		boolean unmark = !photoIds.isEmpty();
		String trail = (unmark && Boolean.TRUE.equals(report.photosPublic)) ? note + "（新附办理照片，公开标记撤回，待重新核查）"
				: note;
		move(() -> {
			int changed = this.reports.resolve(report.id, report.version, note, actor.userId(), now);
			if (changed == 1) {
				this.photos.attach(actor.userId(), photoIds, PhotoSubject.CIVIC_RESOLUTION, report.id, report.stationId);
				if (unmark) {
					this.reports.setPhotosPublic(report.id, false, now);
				}
			}
			return changed;
		}, report.id, report.status, CivicStatus.RESOLVED, actor, clip(trail), now);
		return viewFor(actor, this.reports.selectById(report.id));
	}

	CivicReportView verify(Verify command) {
		CivicReport report = require(command.reportId());
		Actor actor = requireStaff(report, true);
		if (report.status == CivicStatus.RESOLVED && report.resolvedBy != null && report.resolvedBy == actor.userId()) {
			throw new DomainException(CivicError.CIVIC_VERIFIER_MUST_DIFFER);
		}
		String note = blankToNull(command.note());
		if (!command.approve()) {
			note = requireText(note, "退回须填写原因");
		}
		if (note != null) {
			requirePass(actor, note);
		}
		Instant now = this.clock.instant();
		String why = note;
		if (command.approve()) {
			this.tx.executeWithoutResult(status -> {
				if (this.reports.verify(report.id, actor.userId(), now) != 1) {
					throw new DomainException(CivicError.CIVIC_REPORT_STATE_CHANGED);
				}
				this.reports.record(report.id, CivicStatus.RESOLVED, CivicStatus.VERIFIED, actor.userId(),
						(why == null) ? "核验通过" : clip("核验通过：" + why), now);
				this.events.publishEvent(
						new CivicReportVerified(report.id, report.reporterUserId, report.stationId, actor.userId(), now));
			});
		}
		else {
			CivicStatus back = (report.routedAt == null) ? CivicStatus.ACCEPTED : CivicStatus.ROUTED;
			move(() -> this.reports.sendBack(report.id, actor.userId(), now), report.id, CivicStatus.RESOLVED, back,
					actor, clip("核验退回：" + why), now);
		}
		return viewFor(actor, this.reports.selectById(report.id));
	}

	/**
	 * Staff mark the photos publishable once they checked that no face or plate shows (or take it
	 * back). As in {@link CivicPhotoReview#review}, neither the reporter nor anyone who uploaded one of
	 * the report's photos (the report's or the resolution's) judges that: {@code FORBIDDEN}. Taking
	 * the mark back shows less, so any of the staff may.
	 */
	CivicReportView markPhotosPublishable(long reportId, boolean publishable) {
		CivicReport report = require(reportId);
		Actor actor = requireStaff(report, false);
		if (publishable && (actor.userId() == report.reporterUserId
				|| this.photos.isUploaderOf(actor.userId(), CivicPhotoReview.CIVIC_PARTS, report.id))) {
			throw new DomainException(CommonError.FORBIDDEN, "不能把自己上报的随手拍或自己上传的照片标记为可公开");
		}
		Instant now = this.clock.instant();
		this.tx.executeWithoutResult(status -> {
			this.reports.setPhotosPublic(report.id, publishable, now);
			this.reports.record(report.id, report.status, report.status, actor.userId(),
					publishable ? "照片已核查（无人脸、车牌），可公开展示" : "照片撤回，不公开展示", now);
		});
		return viewFor(actor, this.reports.selectById(report.id));
	}

	/** One report: to its staff and reporter, and to anyone once verified (without location or identity). */
	CivicReportView find(long reportId) {
		CivicReport report = this.reports.selectById(reportId);
		Actor actor = this.access.currentActor();
		if (report == null) {
			throw DomainException.notFound("随手拍");
		}
		CivicReportView view = viewFor(actor, report);
		if (!view.privileged() && report.status != CivicStatus.VERIFIED) {
			throw DomainException.notFound("随手拍");
		}
		return view;
	}

	Connection<CivicReportView> list(long orgUnitId, CivicStatus status, Integer first, String after) {
		var page = Connections.page(first, after);
		OrgUnitRef unit = this.orgs.require(orgUnitId);
		Actor actor = this.access.requireAdminOver(unit.path());
		List<Long> stations = this.orgs.subtreeIds(unit.path());
		return Connections.of(viewsFor(actor, this.reports.pageInStations(stations, status, page.afterId(), page.fetchSize())),
				page, CivicReportView::id);
	}

	Connection<CivicReportView> mine(Integer first, String after) {
		var page = Connections.page(first, after);
		Actor actor = this.access.requireActor();
		return Connections.of(viewsFor(actor, this.reports.pageOfReporter(actor.userId(), page.afterId(), page.fetchSize())),
				page, CivicReportView::id);
	}

	List<CivicReportView> overdue(long orgUnitId, Integer first) {
		OrgUnitRef unit = this.orgs.require(orgUnitId);
		Actor actor = this.access.requireAdminOver(unit.path());
		int limit = (first == null) ? 50 : first;
		if (limit < 0 || limit > Connections.MAX_FIRST) {
			throw DomainException.badRequest("first 必须在 0 到 " + Connections.MAX_FIRST + " 之间");
		}
		return viewsFor(actor, this.reports.overdue(this.orgs.subtreeIds(unit.path()), today(), limit));
	}

	List<CivicTransition> history(List<Long> reportIds) {
		return reportIds.isEmpty() ? List.of() : this.reports.history(reportIds);
	}

	/** The reports as the viewer may see them, their stations read in one statement. */
	private List<CivicReportView> viewsFor(Actor viewer, List<CivicReport> rows) {
		java.util.Map<Long, OrgUnitRef> stations = rows.isEmpty() ? java.util.Map.of()
				: this.orgs.findAll(rows.stream().map(r -> r.stationId).distinct().toList());
		return rows.stream().map(r -> viewFor(viewer, r, stations.get(r.stationId))).toList();
	}

	CivicReportView viewFor(Actor viewer, CivicReport r) {
		return viewFor(viewer, r, this.orgs.require(r.stationId));
	}

	private CivicReportView viewFor(Actor viewer, CivicReport r, OrgUnitRef station) {
		boolean staff = viewer != null && station != null && viewer.isAnyAdmin() && viewer.isAdminOver(station.path());
		boolean privileged = staff || (viewer != null && viewer.userId() == r.reporterUserId);
		LocalDate today = today();
		boolean overdue = CivicStatus.IN_HAND.contains(r.status) && r.deadlineOn != null && r.deadlineOn.isBefore(today);
		OrgLevel escalatedTo = null;
		if (overdue) {
			Instant due = r.deadlineOn.plusDays(1).atStartOfDay(CHINA).toInstant();
			escalatedTo = this.clock.instant().isAfter(due.plus(this.properties.escalateAgainAfter())) ? OrgLevel.CENTER
					: OrgLevel.INSTITUTE;
		}
		return new CivicReportView(r.id, r.category, r.description, privileged ? r.address : null,
				privileged ? r.latitude : null, privileged ? r.longitude : null, r.stationId, r.reporterUserId, r.status,
				(r.deadlineOn == null) ? null : r.deadlineOn.toString(), r.rejectReason, r.routedTeamId,
				r.departmentName, staff ? r.departmentContact : null, r.resolutionNote, r.resolvedBy, r.resolvedAt,
				r.verifiedBy, r.verifiedAt, Boolean.TRUE.equals(r.photosPublic), r.createdAt, overdue, escalatedTo, staff,
				privileged);
	}

	/** Runs a guarded move and its trail row in one transaction; no row changed means someone else moved it. */
	private void move(java.util.function.IntSupplier update, long reportId, CivicStatus from, CivicStatus to,
			Actor actor, String note, Instant at) {
		this.tx.executeWithoutResult(status -> {
			if (update.getAsInt() != 1) {
				throw new DomainException(CivicError.CIVIC_REPORT_STATE_CHANGED);
			}
			this.reports.record(reportId, from, to, actor.userId(), note, at);
		});
	}

	private CivicReport require(long id) {
		CivicReport report = this.reports.selectById(id);
		if (report == null) {
			throw DomainException.notFound("随手拍");
		}
		return report;
	}

	/** An admin covering the report's station; for decisions, never the reporter. */
	private Actor requireStaff(CivicReport report, boolean deciding) {
		Actor actor = this.access.requireAdminOver(this.orgs.require(report.stationId).path());
		if (deciding && actor.userId() == report.reporterUserId) {
			throw new DomainException(CivicError.CIVIC_OWN_REPORT);
		}
		return actor;
	}

	private OrgUnitRef stationFor(Submit command) {
		if (command.stationId() == null) {
			return this.orgs
				.nearestOpenStation(command.latitude(), command.longitude(), NEAREST_STATION_RADIUS_METERS)
				.orElseThrow(() -> new DomainException(CivicError.CIVIC_NO_STATION_NEARBY));
		}
		OrgUnitRef station = this.orgs.require(command.stationId());
		if (station.level() != OrgLevel.STATION) {
			throw DomainException.badRequest("随手拍须提交到新时代文明实践站");
		}
		if (!station.open()) {
			throw new DomainException(OrgError.ORG_UNIT_CLOSED);
		}
		return station;
	}

	private void requirePass(Actor actor, String text) {
		this.content.requirePass(this.access.openidOf(actor.userId()), Scene.COMMENT, null, text);
	}

	private LocalDate parseDeadline(String text) {
		if (text == null || text.isBlank()) {
			throw new DomainException(CivicError.CIVIC_DEADLINE_INVALID);
		}
		try {
			LocalDate date = LocalDate.parse(text.strip());
			if (date.isBefore(today())) {
				throw new DomainException(CivicError.CIVIC_DEADLINE_INVALID);
			}
			return date;
		}
		catch (DateTimeParseException ex) {
			throw new DomainException(CivicError.CIVIC_DEADLINE_INVALID);
		}
	}

	private LocalDate today() {
		return LocalDate.now(this.clock.withZone(CHINA));
	}

	private static String requireText(String text, String message) {
		String clean = blankToNull(text);
		if (clean == null) {
			throw DomainException.badRequest(message);
		}
		return clean;
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	private static String clip(String text) {
		return (text.length() <= 300) ? text : text.substring(0, 300);
	}

	private static BigDecimal decimal(double value) {
		return BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP);
	}

}
