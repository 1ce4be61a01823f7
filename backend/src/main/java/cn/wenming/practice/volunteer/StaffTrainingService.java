package cn.wenming.practice.volunteer;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import cn.wenming.practice.auth.AccessControl;
import cn.wenming.practice.auth.Actor;
import cn.wenming.practice.org.OrgDirectory;
import cn.wenming.practice.org.OrgError;
import cn.wenming.practice.org.OrgUnitRef;
import cn.wenming.practice.shared.ContentSecurity;
import cn.wenming.practice.shared.DomainException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Training sessions of staff and 骨干 (中心培训, seed 003): an admin over a unit records a session the
 * unit held (date, topic, attendees by user id). Kept beside the volunteers' own trainings
 * (先培训再上岗) because it is the same act — a recorded training — for the people who run the
 * network; the assessment works out who of the staff and team leaders is still missing.
 */
@Service
class StaffTrainingService {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final StaffTrainingMapper trainings;

	private final OrgDirectory orgs;

	private final AccessControl access;

	private final ContentSecurity content;

	private final TransactionTemplate tx;

	private final Clock clock;

	StaffTrainingService(StaffTrainingMapper trainings, OrgDirectory orgs, AccessControl access,
			ContentSecurity content, TransactionTemplate tx, Clock clock) {
		this.clock = clock;
		this.trainings = trainings;
		this.orgs = orgs;
		this.access = access;
		this.content = content;
		this.tx = tx;
	}

	/** What {@link #record} needs; {@code heldOn} is yyyy-MM-dd. */
	record RecordStaffTraining(long orgUnitId, String heldOn, String topic, List<Long> attendeeUserIds) {
	}

	StaffTraining record(RecordStaffTraining input) {
		OrgUnitRef unit = this.orgs.require(input.orgUnitId());
		Actor actor = this.access.requireAdminOver(unit.path());
		if (!unit.open()) {
			throw new DomainException(OrgError.ORG_UNIT_CLOSED);
		}
		LocalDate heldOn = parse(input.heldOn());
		if (heldOn.isAfter(LocalDate.now(this.clock.withZone(CHINA)))) {
			throw DomainException.badRequest("培训日期不能晚于今天");
		}
		Set<Long> attendees = new LinkedHashSet<>(input.attendeeUserIds());
		// Nobody records their own attendance: another admin does.
		if (attendees.contains(actor.userId())) {
			throw new DomainException(VolunteerError.STAFF_TRAINING_SELF_ATTENDANCE);
		}
		String topic = input.topic().strip();
		this.content.requirePass(this.access.openidOf(actor.userId()), ContentSecurity.Scene.FORUM, topic, null);
		StaffTraining training = new StaffTraining();
		training.setOrgUnitId(unit.id());
		training.setHeldOn(heldOn);
		training.setTopic(topic);
		training.setRecordedBy(actor.userId());
		this.tx.executeWithoutResult(status -> {
			this.trainings.insert(training);
			this.trainings.insertAttendees(training.getId(), attendees);
		});
		return this.trainings.selectById(training.getId());
	}

	/** Sessions held by the unit and the units below it in the year, newest first (at most 500). */
	List<StaffTraining> inSubtree(long orgUnitId, int year) {
		OrgUnitRef unit = this.orgs.require(orgUnitId);
		this.access.requireAdminOver(unit.path());
		return this.trainings.inUnits(this.orgs.subtreeIds(unit.path()), LocalDate.of(year, 1, 1),
				LocalDate.of(year + 1, 1, 1));
	}

	private static LocalDate parse(String text) {
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw DomainException.badRequest("培训日期格式应为 yyyy-MM-dd");
		}
	}

}
