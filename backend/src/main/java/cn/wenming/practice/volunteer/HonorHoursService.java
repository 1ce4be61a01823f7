package cn.wenming.practice.volunteer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import cn.wenming.practice.auth.AccessControl;
import cn.wenming.practice.auth.Actor;
import cn.wenming.practice.org.OrgDirectory;
import cn.wenming.practice.shared.DomainException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Honor hours (荣誉时长, 补录): hours an admin covering the volunteer's home station records
 * afterwards, with a reason; the admin is the approver. They are kept apart from credit hours —
 * the star level comes from credit hours only — and no event is published, so they earn no points.
 */
@Service
class HonorHoursService {

	/** The county's calendar: a service date may not lie in its future. */
	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final VolunteerMapper volunteers;

	private final HonorHoursMapper honorHours;

	private final OrgDirectory orgs;

	private final AccessControl access;

	private final VolunteerDirectory directory;

	private final TransactionTemplate tx;

	private final Clock clock;

	HonorHoursService(VolunteerMapper volunteers, HonorHoursMapper honorHours, OrgDirectory orgs,
			AccessControl access, VolunteerDirectory directory, TransactionTemplate tx, Clock clock) {
		this.directory = directory;
		this.volunteers = volunteers;
		this.honorHours = honorHours;
		this.orgs = orgs;
		this.access = access;
		this.tx = tx;
		this.clock = clock;
	}

	/** What {@link #record} needs; validated at the API edge (range, date format). */
	record RecordHonorHours(Long volunteerId, Double hours, String reason, String serviceDate) {
	}

	Volunteer record(RecordHonorHours input) {
		Volunteer volunteer = this.volunteers.selectById(input.volunteerId());
		if (volunteer == null) {
			throw DomainException.notFound("志愿者");
		}
		Actor actor = this.access.requireAdminOver(this.orgs.require(volunteer.getHomeStationId()).path());
		if (actor.userId() == volunteer.getUserId()) {
			// Nobody approves their own hours.
			throw DomainException.forbidden();
		}
		LocalDate serviceDate = parseDate(input.serviceDate());
		if (serviceDate.isAfter(LocalDate.now(this.clock.withZone(CHINA)))) {
			throw DomainException.badRequest("服务日期不能晚于今天");
		}
		HonorHours row = new HonorHours();
		row.setVolunteerId(volunteer.getId());
		row.setHours(BigDecimal.valueOf(input.hours()).setScale(2, RoundingMode.HALF_UP));
		row.setReason(input.reason().strip());
		row.setServiceDate(serviceDate);
		row.setApprovedBy(actor.userId());
		row.setCreatedAt(this.clock.instant());
		this.tx.executeWithoutResult(status -> {
			this.honorHours.insert(row);
			this.volunteers.addHonorHours(volunteer.getId(), row.getHours(), row.getCreatedAt());
		});
		return this.volunteers.selectById(volunteer.getId());
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
