package cn.wenming.practice.volunteer;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import cn.wenming.practice.auth.AccessControl;
import cn.wenming.practice.auth.Actor;
import cn.wenming.practice.org.OrgDirectory;
import cn.wenming.practice.org.OrgError;
import cn.wenming.practice.org.OrgUnitRef;
import cn.wenming.practice.shared.ContentSecurity;
import cn.wenming.practice.shared.CommonError;
import cn.wenming.practice.shared.CreationKeys;
import cn.wenming.practice.shared.DeadlockRetry;
import cn.wenming.practice.shared.DomainException;
import cn.wenming.practice.shared.RecordCorrections;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Training sessions of staff and 骨干 (中心培训, seed 003): an admin over a unit records a session the
 * unit held (date, topic, attendees by user id). Kept beside the volunteers' own trainings
 * (先培训再上岗) because it is the same act — a recorded training — for the people who run the
 * network; the assessment works out who of the staff and team leaders is still missing. Attendees
 * are those people only, within the holding unit's subtree (the {@link StaffTrainingRoster} the
 * assessment supplies): a session of one county cannot raise another's coverage.
 *
 * <p>A recorded session is corrected (date, topic, attendees) or withdrawn by an admin over the unit —
 * who could record it — but not by one of its attendees, whose coverage it decides. Each correction
 * keeps a trail entry (who, when, why, before → after) and is idempotent by its key, which is the
 * corrector's own (as a redemption's key is the redeemer's): one of any number of concurrent requests
 * of one corrector with a key writes; another corrector's key of the same string is independent. The
 * rights are checked before anything of the input: a caller without them gets {@code FORBIDDEN} (or
 * {@code NOT_FOUND}) whatever they send, never a validation error.
 */
@Service
class StaffTrainingService {

	private static final Logger log = LoggerFactory.getLogger(StaffTrainingService.class);

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final StaffTrainingMapper trainings;

	private final OrgDirectory orgs;

	private final AccessControl access;

	private final ContentSecurity content;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final StaffTrainingRoster roster;

	StaffTrainingService(StaffTrainingMapper trainings, OrgDirectory orgs, AccessControl access,
			ContentSecurity content, TransactionTemplate tx, Clock clock, StaffTrainingRoster roster) {
		this.clock = clock;
		this.roster = roster;
		this.trainings = trainings;
		this.orgs = orgs;
		this.access = access;
		this.content = content;
		this.tx = tx;
	}

	/**
	 * What {@link #record} needs; {@code heldOn} is yyyy-MM-dd; a resend with the recorder's
	 * {@code idempotencyKey} answers the session recorded.
	 */
	record RecordStaffTraining(long orgUnitId, String heldOn, String topic, List<Long> attendeeUserIds,
			String idempotencyKey) {
	}

	StaffTraining record(RecordStaffTraining input) {
		OrgUnitRef unit = this.orgs.require(input.orgUnitId());
		Actor actor = this.access.requireAdminOver(unit.path());
		// A resend (a double click, the client's retry of a 503 whose commit went through) answers the
		// session recorded once — as it is now, corrected or not: looked up only now that the caller may
		// record here.
		CreationKeys.Create<StaffTraining> keyed = CreationKeys.create(input.idempotencyKey(),
				RecordCorrections.digest("STAFF_TRAINING_RECORD", unit.id(), input.heldOn(), input.topic().strip(),
						new TreeSet<>(input.attendeeUserIds())),
				() -> this.trainings.findByKey(actor.userId(), input.idempotencyKey()), this.trainings::selectById);
		StaffTraining earlier = keyed.earlier();
		if (earlier != null) {
			return earlier;
		}
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
		requireStaffOf(unit, attendees);
		String topic = input.topic().strip();
		this.content.requirePass(this.access.openidOf(actor.userId()), ContentSecurity.Scene.FORUM, topic, null);
		StaffTraining training = new StaffTraining();
		training.setOrgUnitId(unit.id());
		training.setHeldOn(heldOn);
		training.setTopic(topic);
		training.setRecordedBy(actor.userId());
		training.setIdempotencyKey(input.idempotencyKey());
		training.setRequestDigest(keyed.digest());
		return keyed.once(log, "Recording staff training", () -> this.tx.executeWithoutResult(status -> {
			this.trainings.insert(training);
			this.trainings.insertAttendees(training.getId(), attendees);
		}), () -> this.trainings.selectById(training.getId()));
	}

	/**
	 * A correction: {@code heldOn}, {@code topic}, {@code attendeeUserIds} replace the recorded ones
	 * (null keeps each); or {@code withdraw} with none of them.
	 */
	record CorrectStaffTraining(long trainingId, String heldOn, String topic, List<Long> attendeeUserIds,
			boolean withdraw, String reason, String idempotencyKey) {
	}

	/** What a session stated before or after a correction (GraphQL {@code StaffTrainingSnapshot}). */
	record State(String heldOn, String topic, List<Long> attendeeUserIds) {
	}

	StaffTraining correct(CorrectStaffTraining input) {
		// The rights first, whatever the input: a caller without them learns nothing from its validation.
		Actor actor = requireMayCorrect(input.trainingId());
		String reason = RecordCorrections.reason(input.reason());
		boolean changes = input.heldOn() != null || input.topic() != null || input.attendeeUserIds() != null;
		if (input.withdraw() && changes) {
			throw DomainException.badRequest("撤回记录时不能同时修改内容");
		}
		if (!input.withdraw() && !changes) {
			throw new DomainException(VolunteerError.STAFF_TRAINING_CORRECTION_UNCHANGED);
		}
		LocalDate heldOn = (input.heldOn() == null) ? null : parse(input.heldOn());
		String topic = (input.topic() == null) ? null : input.topic().strip();
		if (topic != null && topic.isEmpty()) {
			throw DomainException.badRequest("培训主题不能为空");
		}
		List<Long> attendees = (input.attendeeUserIds() == null) ? null
				: new LinkedHashSet<>(input.attendeeUserIds()).stream().sorted().toList();
		String digest = RecordCorrections.digest("STAFF_TRAINING", input.trainingId(), actor.userId(), input.withdraw(),
				heldOn, topic, attendees, reason);
		StaffTrainingMapper.Correction earlier = this.trainings.correctionByKey(actor.userId(), input.idempotencyKey());
		if (earlier != null) {
			sameRequest(earlier, input.trainingId(), digest);
			return this.trainings.selectById(input.trainingId());
		}
		if (heldOn != null && heldOn.isAfter(LocalDate.now(this.clock.withZone(CHINA)))) {
			throw DomainException.badRequest("培训日期不能晚于今天");
		}
		// Nobody records their own attendance, nor corrects a session they attended (it decides their coverage).
		if (attendees != null && attendees.contains(actor.userId())) {
			throw new DomainException(VolunteerError.STAFF_TRAINING_SELF_ATTENDANCE);
		}
		if (attendees != null && attendees.isEmpty()) {
			throw DomainException.badRequest("参加人至少一人");
		}
		String openid = this.access.openidOf(actor.userId());
		this.content.requirePass(openid, ContentSecurity.Scene.COMMENT, null, reason);
		if (topic != null) {
			this.content.requirePass(openid, ContentSecurity.Scene.FORUM, topic, null);
		}
		try {
			// The key is looked up by a plain read, the transaction's first consistent one, made once the
			// record's lock is granted: it sees what a request that held the lock before committed. A locking
			// read would lock the index gap where no entry is yet, and one corrector's corrections of
			// different records at once then deadlocked on their inserts (two of eight in a test). A
			// deadlock left (InnoDB rolls the victim back whole) is run again.
			DeadlockRetry.run(3, log, "Correcting staff training " + input.trainingId(), () -> this.tx.execute(status -> {
				StaffTraining locked = this.trainings.lockById(input.trainingId());
				// Another request with the key committed while this one waited on the session's lock (see above).
				StaffTrainingMapper.Correction landed = this.trainings.correctionByKey(actor.userId(),
						input.idempotencyKey());
				if (landed != null) {
					sameRequest(landed, input.trainingId(), digest);
					return null;
				}
				if (locked.getWithdrawnAt() != null) {
					throw new DomainException(VolunteerError.STAFF_TRAINING_WITHDRAWN);
				}
				State before = state(locked);
				if (before.attendeeUserIds().contains(actor.userId())) {
					throw new DomainException(CommonError.FORBIDDEN, "参加了该培训的人不能更正该培训记录");
				}
				if (attendees != null) {
					// Those added must be staff of the unit's subtree; those kept were judged when recorded
					// (one who has since left their post stays an attendee of what they attended).
					Set<Long> added = new LinkedHashSet<>(attendees);
					added.removeAll(before.attendeeUserIds());
					requireStaffOf(this.orgs.require(locked.getOrgUnitId()), added);
				}
				State after;
				if (input.withdraw()) {
					locked.setWithdrawnAt(this.clock.instant());
					after = null;
				}
				else {
					if (heldOn != null) {
						locked.setHeldOn(heldOn);
					}
					if (topic != null) {
						locked.setTopic(topic);
					}
					after = new State(locked.getHeldOn().toString(), locked.getTopic(),
							(attendees == null) ? before.attendeeUserIds() : attendees);
					if (after.equals(before)) {
						throw new DomainException(VolunteerError.STAFF_TRAINING_CORRECTION_UNCHANGED);
					}
				}
				this.trainings.writeCorrection(locked);
				if (attendees != null) {
					this.trainings.deleteAttendees(locked.getId());
					this.trainings.insertAttendees(locked.getId(), attendees);
				}
				this.trainings.insertCorrection(new StaffTrainingMapper.NewCorrection(locked.getId(),
						(input.withdraw() ? RecordCorrections.Action.WITHDRAWN : RecordCorrections.Action.CORRECTED).name(),
						reason, RecordCorrections.toJson(before), RecordCorrections.toJson(after), input.idempotencyKey(),
						digest, actor.userId(), this.clock.instant()));
				return null;
			}));
		}
		catch (DuplicateKeyException ex) {
			// The (corrector, key) unique index: another request of this corrector with the key (for
			// whichever session) wrote first.
			sameRequest(this.trainings.correctionByKey(actor.userId(), input.idempotencyKey()), input.trainingId(), digest);
		}
		return this.trainings.selectById(input.trainingId());
	}

	/**
	 * The caller, if they may correct the session: an admin over the holding unit who did not attend
	 * it ({@code FORBIDDEN}); {@code NOT_FOUND} when there is no such session. Asked before anything
	 * of the input is judged.
	 */
	Actor requireMayCorrect(long trainingId) {
		Actor actor = this.access.requireActor();
		StaffTraining training = this.trainings.selectById(trainingId);
		if (training == null) {
			throw DomainException.notFound("培训记录");
		}
		OrgUnitRef unit = this.orgs.require(training.getOrgUnitId());
		this.access.requireAdminOver(unit.path());
		if (state(training).attendeeUserIds().contains(actor.userId())) {
			throw new DomainException(CommonError.FORBIDDEN, "参加了该培训的人不能更正该培训记录");
		}
		return actor;
	}

	/**
	 * Every attendee is someone the coverage figure counts within the holding unit's subtree — an admin
	 * granted on one of its units or the leader of one of its active teams — so that a session neither
	 * raises another unit's coverage nor lists (and names) arbitrary users:
	 * {@code STAFF_TRAINING_ATTENDEE_NOT_STAFF}, naming those who are not.
	 */
	private void requireStaffOf(OrgUnitRef unit, Set<Long> attendees) {
		if (attendees.isEmpty()) {
			return;
		}
		Set<Long> staff = this.roster.staffAmong(this.orgs.subtreeIds(unit.path()), attendees);
		List<Long> others = attendees.stream().filter(id -> !staff.contains(id)).sorted().toList();
		if (!others.isEmpty()) {
			throw new DomainException(VolunteerError.STAFF_TRAINING_ATTENDEE_NOT_STAFF,
					"参加人须为" + unit.name() + "或其下属单位的工作人员（管理员）或骨干（在册队伍的队长），以下用户不是："
							+ others.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining("、")));
		}
	}

	private State state(StaffTraining training) {
		List<Long> attendees = this.trainings.attendeesOf(List.of(training.getId()))
			.stream()
			.map(StaffTrainingMapper.Attendee::userId)
			.sorted()
			.toList();
		return new State(training.getHeldOn().toString(), training.getTopic(), attendees);
	}

	private static void sameRequest(StaffTrainingMapper.Correction entry, long trainingId, String digest) {
		if (entry == null || entry.trainingId() != trainingId || !digest.equals(entry.requestDigest())) {
			throw new DomainException(CommonError.IDEMPOTENCY_KEY_REUSED);
		}
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
