package cn.wenming.practice.lecture;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import cn.wenming.practice.activity.ActivityStatistics;
import cn.wenming.practice.auth.AccessControl;
import cn.wenming.practice.auth.Actor;
import cn.wenming.practice.org.OrgDirectory;
import cn.wenming.practice.org.OrgError;
import cn.wenming.practice.org.OrgUnitRef;
import cn.wenming.practice.shared.CommonError;
import cn.wenming.practice.shared.Connections;
import cn.wenming.practice.shared.ContentSecurity;
import cn.wenming.practice.shared.CreationKeys;
import cn.wenming.practice.shared.DomainException;
import cn.wenming.practice.shared.RecordCorrections;
import cn.wenming.practice.volunteer.VolunteerDirectory;
import cn.wenming.practice.volunteer.VolunteerRef;
import graphql.relay.Connection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The registry of 宣讲员 and 宣讲团 and the lectures units record. Everything is done by an admin
 * covering the unit concerned (for a lecturer, the unit they are listed under, which must cover
 * their home station); lecturers and groups may speak anywhere, since a county's 宣讲团 tours the
 * stations. A lecture held as an activity names it, and then must match it (the activity's unit,
 * finished, the same day): the assessment then counts the lecture instead of the activity's flag.
 */
@Service
class LectureService {

	private static final Logger log = LoggerFactory.getLogger(LectureService.class);

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final LecturerMapper lecturers;

	private final LectureGroupMapper groups;

	private final LectureMapper lectures;

	private final OrgDirectory orgs;

	private final AccessControl access;

	private final VolunteerDirectory volunteers;

	private final ActivityStatistics activities;

	private final ContentSecurity content;

	private final TransactionTemplate tx;

	private final Clock clock;

	LectureService(LecturerMapper lecturers, LectureGroupMapper groups, LectureMapper lectures, OrgDirectory orgs,
			AccessControl access, VolunteerDirectory volunteers, ActivityStatistics activities, ContentSecurity content,
			TransactionTemplate tx, Clock clock) {
		this.lecturers = lecturers;
		this.groups = groups;
		this.lectures = lectures;
		this.orgs = orgs;
		this.access = access;
		this.volunteers = volunteers;
		this.activities = activities;
		this.content = content;
		this.tx = tx;
		this.clock = clock;
	}

	record RegisterLecturer(long volunteerId, long orgUnitId, List<String> topics) {
	}

	record CreateGroup(long orgUnitId, String name, List<Long> lecturerIds) {
	}

	/** What {@link #record} needs; a resend with the recorder's {@code idempotencyKey} answers the lecture made. */
	record RecordLecture(long orgUnitId, String topic, String place, String heldOn, int audience,
			List<Long> lecturerIds, Long groupId, Long activityId, String idempotencyKey) {
	}

	LecturerView register(RegisterLecturer input) {
		OrgUnitRef unit = this.orgs.require(input.orgUnitId());
		Actor actor = this.access.requireAdminOver(unit.path());
		VolunteerRef volunteer = this.volunteers.findAll(List.of(input.volunteerId())).get(input.volunteerId());
		if (volunteer == null) {
			throw DomainException.notFound("志愿者");
		}
		if (!unit.contains(this.orgs.require(volunteer.homeStationId()))) {
			throw new DomainException(LectureError.LECTURER_NOT_IN_UNIT);
		}
		Lecturer existing = this.lecturers.findByVolunteer(volunteer.id());
		if (existing != null && existing.orgUnitId != unit.id()) {
			// Moving a lecturer takes them off another unit's list: its admins must cover it too.
			this.access.requireAdminOver(this.orgs.require(existing.orgUnitId).path());
		}
		List<String> topics = topics(input.topics());
		requirePass(actor, String.join("\n", topics));
		Instant now = this.clock.instant();
		this.tx.executeWithoutResult(status -> {
			requireOpen(unit);
			if (existing != null) {
				this.lecturers.reregister(volunteer.id(), unit.id(), String.join("\n", topics), actor.userId(), now);
				return;
			}
			Lecturer row = new Lecturer();
			row.volunteerId = volunteer.id();
			row.orgUnitId = unit.id();
			row.topics = String.join("\n", topics);
			row.registeredBy = actor.userId();
			row.createdAt = now;
			row.updatedAt = now;
			try {
				this.lecturers.insert(row);
			}
			catch (DuplicateKeyException ex) {
				// Registered by someone else in the meantime: their registration stands.
				throw new DomainException(CommonError.CONFLICT);
			}
		});
		return this.lecturers.findByVolunteer(volunteer.id()).view();
	}

	LectureGroupView createGroup(CreateGroup input) {
		OrgUnitRef unit = this.orgs.require(input.orgUnitId());
		Actor actor = this.access.requireAdminOver(unit.path());
		Set<Long> members = requireLecturers(input.lecturerIds());
		String name = input.name().strip();
		requirePass(actor, name);
		LectureGroup row = new LectureGroup();
		row.orgUnitId = unit.id();
		row.name = name;
		row.createdBy = actor.userId();
		row.createdAt = this.clock.instant();
		this.tx.executeWithoutResult(status -> {
			requireOpen(unit);
			try {
				this.groups.insert(row);
			}
			catch (DuplicateKeyException ex) {
				throw new DomainException(LectureError.LECTURE_GROUP_NAME_TAKEN);
			}
			if (!members.isEmpty()) {
				this.groups.addMembers(row.id, members);
			}
		});
		return row.view();
	}

	LectureView record(RecordLecture input) {
		OrgUnitRef unit = this.orgs.require(input.orgUnitId());
		Actor actor = this.access.requireAdminOver(unit.path());
		// A resend (a double click, the client's retry of a 503 whose commit went through) answers the
		// lecture recorded once: looked up only now that the caller may record here.
		CreationKeys.Create<LectureView> keyed = CreationKeys.create(input.idempotencyKey(),
				RecordCorrections.digest("LECTURE", unit.id(), input.topic().strip(), input.place().strip(),
						input.heldOn(), input.audience(),
						new TreeSet<>((input.lecturerIds() == null) ? List.of() : input.lecturerIds()), input.groupId(),
						input.activityId()),
				() -> this.lectures.findByKey(actor.userId(), input.idempotencyKey()),
				id -> this.lectures.selectById(id).view());
		LectureView earlier = keyed.earlier();
		if (earlier != null) {
			return earlier;
		}
		LocalDate heldOn = parseDate(input.heldOn());
		if (heldOn.isAfter(LocalDate.now(this.clock.withZone(CHINA)))) {
			throw DomainException.badRequest("宣讲日期不能晚于今天");
		}
		Set<Long> speakers = requireLecturers(input.lecturerIds());
		if (input.groupId() != null && this.groups.selectById(input.groupId()) == null) {
			throw DomainException.notFound("宣讲团");
		}
		if (speakers.isEmpty() && input.groupId() == null) {
			throw new DomainException(LectureError.LECTURE_SPEAKER_REQUIRED);
		}
		if (input.activityId() != null) {
			var activity = this.activities.facts(input.activityId())
				.orElseThrow(() -> DomainException.notFound("活动"));
			if (activity.unitId() != unit.id() || !activity.finished()
					|| !activity.startsAt().atZone(CHINA).toLocalDate().equals(heldOn)) {
				throw new DomainException(LectureError.LECTURE_ACTIVITY_MISMATCH);
			}
		}
		String topic = input.topic().strip();
		String place = input.place().strip();
		requirePass(actor, topic + "\n" + place);
		Lecture row = new Lecture();
		row.orgUnitId = unit.id();
		row.topic = topic;
		row.place = place;
		row.heldOn = heldOn;
		row.audience = input.audience();
		row.groupId = input.groupId();
		row.activityId = input.activityId();
		row.recordedBy = actor.userId();
		row.createdAt = this.clock.instant();
		row.idempotencyKey = input.idempotencyKey();
		row.requestDigest = keyed.digest();
		// A duplicate no earlier send of the key explains is the activity another lecture already stands for.
		return keyed.once(log, "Recording lecture", () -> this.tx.executeWithoutResult(status -> {
			requireOpen(unit);
			this.lectures.insert(row);
			if (!speakers.isEmpty()) {
				this.lectures.addSpeakers(row.id, speakers);
			}
		}), row::view, () -> new DomainException(LectureError.LECTURE_ACTIVITY_ALREADY_RECORDED));
	}

	Connection<LecturerView> lecturers(long orgUnitId, Integer first, String after) {
		var page = Connections.page(first, after);
		List<Long> units = subtreeOf(orgUnitId);
		return Connections.of(
				this.lecturers.pageInUnits(units, page.afterId(), page.fetchSize()).stream().map(Lecturer::view).toList(),
				page, LecturerView::id);
	}

	Connection<LectureGroupView> groups(long orgUnitId, Integer first, String after) {
		var page = Connections.page(first, after);
		List<Long> units = subtreeOf(orgUnitId);
		return Connections.of(
				this.groups.pageInUnits(units, page.afterId(), page.fetchSize()).stream().map(LectureGroup::view).toList(),
				page, LectureGroupView::id);
	}

	Connection<LectureView> lectures(long orgUnitId, Integer first, String after) {
		var page = Connections.page(first, after);
		List<Long> units = subtreeOf(orgUnitId);
		return Connections.of(
				this.lectures.pageInUnits(units, page.afterId(), page.fetchSize()).stream().map(Lecture::view).toList(),
				page, LectureView::id);
	}

	private List<Long> subtreeOf(long orgUnitId) {
		String path = this.orgs.require(orgUnitId).path();
		this.access.requireAdminOver(path);
		return this.orgs.subtreeIds(path);
	}

	/** The ids, each a registered lecturer, else {@code LECTURER_NOT_REGISTERED}. */
	private Set<Long> requireLecturers(List<Long> ids) {
		Set<Long> wanted = new LinkedHashSet<>((ids == null) ? List.of() : ids);
		if (!wanted.isEmpty() && this.lecturers.findByIds(wanted).size() != wanted.size()) {
			throw new DomainException(LectureError.LECTURER_NOT_REGISTERED);
		}
		return wanted;
	}

	private void requireOpen(OrgUnitRef unit) {
		if (!this.orgs.lockIfOpen(unit.id())) {
			throw new DomainException(OrgError.ORG_UNIT_CLOSED);
		}
	}

	/** Other admins read these texts: msgSecCheck before anything is stored (no transaction is open). */
	private void requirePass(Actor actor, String text) {
		this.content.requirePass(this.access.openidOf(actor.userId()), ContentSecurity.Scene.PROFILE, null, text);
	}

	private static List<String> topics(List<String> topics) {
		List<String> clean = new ArrayList<>(new LinkedHashSet<>(topics.stream().map(String::strip).toList()));
		if (clean.isEmpty() || clean.size() > 10 || clean.stream().anyMatch(t -> t.isEmpty() || t.length() > 20 || t.indexOf('\n') >= 0)) {
			throw DomainException.badRequest("宣讲主题为 1–10 个，每个 1–20 字");
		}
		return clean;
	}

	private static LocalDate parseDate(String text) {
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw DomainException.badRequest("宣讲日期格式应为 yyyy-MM-dd");
		}
	}

}
