package cn.wenming.practice.volunteer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import cn.wenming.practice.auth.AccessControl;
import cn.wenming.practice.auth.Actor;
import cn.wenming.practice.org.OrgDirectory;
import cn.wenming.practice.shared.CommonError;
import cn.wenming.practice.shared.ContentSecurity;
import cn.wenming.practice.shared.CreationKeys;
import cn.wenming.practice.shared.DomainException;
import cn.wenming.practice.shared.RecordCorrections;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Honor hours (荣誉时长, 补录): hours an admin covering the volunteer's home station records
 * afterwards, with a reason. They count only once another admin covering the volunteer approves
 * them (four eyes: the recorder never approves, the volunteer never records nor approves their
 * own), and an approved record can be revoked with a reason; rows are never deleted, so the trail
 * stays. They are kept apart from credit hours — the star level comes from credit hours only — and
 * no event is published, so they earn no points.
 */
@Service
class HonorHoursService {

	private static final Logger log = LoggerFactory.getLogger(HonorHoursService.class);

	/** The county's calendar: a service date may not lie in its future. */
	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final VolunteerMapper volunteers;

	private final HonorHoursMapper honorHours;

	private final OrgDirectory orgs;

	private final AccessControl access;

	private final VolunteerDirectory directory;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final ContentSecurity content;

	HonorHoursService(VolunteerMapper volunteers, HonorHoursMapper honorHours, OrgDirectory orgs,
			AccessControl access, VolunteerDirectory directory, TransactionTemplate tx, Clock clock,
			ContentSecurity content) {
		this.content = content;
		this.directory = directory;
		this.volunteers = volunteers;
		this.honorHours = honorHours;
		this.orgs = orgs;
		this.access = access;
		this.tx = tx;
		this.clock = clock;
	}

	/** What {@link #record} needs; validated at the API edge (range, date format). */
	record RecordHonorHours(Long volunteerId, Double hours, String reason, String serviceDate, String idempotencyKey) {
	}

	Volunteer record(RecordHonorHours input) {
		Volunteer volunteer = this.volunteers.selectById(input.volunteerId());
		if (volunteer == null) {
			throw DomainException.notFound("志愿者");
		}
		Actor actor = this.access.requireAdminOver(this.orgs.require(volunteer.getHomeStationId()).path());
		if (actor.userId() == volunteer.getUserId()) {
			// Nobody records their own hours.
			throw DomainException.forbidden();
		}
		LocalDate serviceDate = parseDate(input.serviceDate());
		if (serviceDate.isAfter(LocalDate.now(this.clock.withZone(CHINA)))) {
			throw DomainException.badRequest("服务日期不能晚于今天");
		}
		BigDecimal hours = BigDecimal.valueOf(input.hours()).setScale(2, RoundingMode.HALF_UP);
		// A retry of a record already made (a double click, a resent request after a lost answer)
		// answers it again; the same key for something else is refused.
		CreationKeys.Create<Volunteer> keyed = CreationKeys.create(input.idempotencyKey(),
				RecordCorrections.digest("HONOR_HOURS", volunteer.getId(), hours, input.reason().strip(), serviceDate),
				() -> this.honorHours.findByKey(actor.userId(), input.idempotencyKey()),
				id -> this.volunteers.selectById(volunteer.getId()));
		Volunteer earlier = keyed.earlier();
		if (earlier != null) {
			return earlier;
		}
		// The volunteer and other admins read the reason: msgSecCheck first (no transaction is open here).
		requirePass(actor, input.reason());
		HonorHours row = new HonorHours();
		row.setVolunteerId(volunteer.getId());
		row.setHours(hours);
		row.setReason(input.reason().strip());
		row.setServiceDate(serviceDate);
		row.setStatus(HonorHoursStatus.PENDING);
		row.setRecordedBy(actor.userId());
		row.setCreatedAt(this.clock.instant());
		row.setIdempotencyKey(input.idempotencyKey());
		row.setRequestDigest(keyed.digest());
		// Nothing counts yet: approve adds the hours to the volunteer's total.
		return keyed.once(log, "Recording honor hours", () -> this.honorHours.insert(row),
				() -> this.volunteers.selectById(volunteer.getId()));
	}

	/**
	 * A second admin covering the volunteer approves a pending record, which then counts. The
	 * recorder and the volunteer are refused (FORBIDDEN); the guarded update lets one approval through
	 * and refuses the recorder again in SQL, so only that approval adds the hours.
	 */
	HonorHours approve(long id) {
		HonorHours row = require(id);
		Volunteer volunteer = this.volunteers.selectById(row.getVolunteerId());
		Actor actor = requireCoveringAdminOtherThan(volunteer);
		if (actor.userId() == row.getRecordedBy()) {
			throw DomainException.forbidden();
		}
		Instant now = this.clock.instant();
		this.tx.executeWithoutResult(status -> {
			if (this.honorHours.approve(id, actor.userId(), now) == 0) {
				throw new DomainException(VolunteerError.HONOR_HOURS_NOT_PENDING);
			}
			this.volunteers.addHonorHours(volunteer.getId(), row.getHours(), now);
		});
		return this.honorHours.selectById(id);
	}

	/**
	 * Revokes a record with a reason: an approved one comes off the volunteer's total, a pending one
	 * is rejected and never counts. Any admin covering the volunteer may revoke (taking hours back
	 * gains nobody anything), except the volunteer. Each guarded update moves the row from the state
	 * it names, so of a racing approval and revocation the hours are added and taken back at most once
	 * each.
	 */
	HonorHours revoke(long id, String reason) {
		HonorHours row = require(id);
		Volunteer volunteer = this.volunteers.selectById(row.getVolunteerId());
		Actor actor = requireCoveringAdminOtherThan(volunteer);
		String why = reason.strip();
		requirePass(actor, why);
		Instant now = this.clock.instant();
		this.tx.executeWithoutResult(status -> {
			if (this.honorHours.revoke(id, HonorHoursStatus.APPROVED, actor.userId(), why, now) == 1) {
				this.volunteers.subtractHonorHours(volunteer.getId(), row.getHours(), now);
			}
			else if (this.honorHours.revoke(id, HonorHoursStatus.PENDING, actor.userId(), why, now) == 0) {
				throw new DomainException(VolunteerError.HONOR_HOURS_ALREADY_REVOKED);
			}
		});
		return this.honorHours.selectById(id);
	}

	/** Records waiting for approval of volunteers based in the unit's subtree, for an admin covering it. */
	graphql.relay.Connection<HonorHours> pending(long orgUnitId, Integer first, String after) {
		var page = cn.wenming.practice.shared.Connections.page(first, after);
		String path = this.orgs.require(orgUnitId).path();
		this.access.requireAdminOver(path);
		return cn.wenming.practice.shared.Connections.of(
				this.honorHours.pendingInUnits(this.orgs.subtreeIds(path), page.afterId(), page.fetchSize()), page,
				HonorHours::getId);
	}

	private void requirePass(Actor actor, String reason) {
		this.content.requirePass(this.access.openidOf(actor.userId()), ContentSecurity.Scene.COMMENT, null, reason);
	}

	private HonorHours require(long id) {
		HonorHours row = this.honorHours.selectById(id);
		if (row == null) {
			throw DomainException.notFound("补录记录");
		}
		return row;
	}

	/** An admin covering the volunteer's home station who is not the volunteer. */
	private Actor requireCoveringAdminOtherThan(Volunteer volunteer) {
		Actor actor = this.access.requireAdminOver(this.orgs.require(volunteer.getHomeStationId()).path());
		if (actor.userId() == volunteer.getUserId()) {
			throw DomainException.forbidden();
		}
		return actor;
	}

	/** The volunteer's honor-hours records, for the volunteer and the admins covering them. */
	graphql.relay.Connection<HonorHours> records(long volunteerId, Integer first, String after) {
		var page = cn.wenming.practice.shared.Connections.page(first, after);
		VolunteerRef volunteer = this.directory.requireReadable(volunteerId);
		return cn.wenming.practice.shared.Connections.of(
				this.honorHours.pageOfVolunteer(volunteer.id(), page.afterId(), page.fetchSize()), page,
				HonorHours::getId);
	}

	private static LocalDate parseDate(String text) {
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw DomainException.badRequest("服务日期格式应为 yyyy-MM-dd");
		}
	}

}
