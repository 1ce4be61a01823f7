package cn.wenming.practice.lecture;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.wenming.practice.activity.ActivityStatistics;
import cn.wenming.practice.activity.ActivityStatistics.HeldTheoryLecture;
import cn.wenming.practice.auth.AccessControl;
import cn.wenming.practice.org.OrgDirectory;

import org.springframework.stereotype.Component;

/**
 * The assessment's monthly theory-lecture figure (理论宣讲, seed 003: 所、站 ≥ 1 a month). A unit's
 * count is its recorded lectures held in the month plus its held activities flagged as theory
 * lectures that no recorded lecture stands for: a lecture held as an activity names it (and must
 * share its unit and day), so that event counts once, as the lecture; flagged activities nobody
 * recorded a lecture for still count, so units that only flag activities keep their figure. Three
 * statements for any subtree; {@link #assessed} lists what was counted for one unit.
 */
@Component
public class LectureStatistics {

	private final LectureMapper lectures;

	private final ActivityStatistics activities;

	private final OrgDirectory orgs;

	private final AccessControl access;

	LectureStatistics(LectureMapper lectures, ActivityStatistics activities, OrgDirectory orgs, AccessControl access) {
		this.lectures = lectures;
		this.activities = activities;
		this.orgs = orgs;
		this.access = access;
	}

	/**
	 * Recorded lectures per unit among {@code unitIds} (each unit its own, not its subtree's) held in
	 * the month starting {@code month} (China's calendar), and the activities they were held as: the
	 * caller leaves those out of its count of flagged activities
	 * ({@code ActivityStatistics.heldByUnit(…, recordedLectures)}). A lecture held as an activity
	 * shares its unit and day, so the activities a month's lectures name are exactly the month's
	 * flagged activities that a lecture stands for. One statement.
	 */
	public MonthlyLectures monthlyByUnit(Collection<Long> unitIds, LocalDate month) {
		Map<Long, Integer> counts = new HashMap<>();
		Set<Long> recorded = new HashSet<>();
		if (!unitIds.isEmpty()) {
			for (var row : this.lectures.countByUnit(unitIds, month, month.plusMonths(1))) {
				counts.merge(row.unitId(), (int) row.lectures(), Integer::sum);
				if (row.activityId() != null) {
					recorded.add(row.activityId());
				}
			}
		}
		return new MonthlyLectures(counts, recorded);
	}

	/** Lectures per unit, and the activities they were held as. */
	public record MonthlyLectures(Map<Long, Integer> byUnit, Set<Long> recordedActivityIds) {
	}

	/** What {@link #monthlyByUnit} counted for the unit itself, by date; for admins covering the unit. */
	List<AssessedLecture> assessed(long orgUnitId, int year, int month) {
		this.access.requireAdminOver(this.orgs.require(orgUnitId).path());
		LocalDate first = LocalDate.of(year, month, 1);
		LocalDate next = first.plusMonths(1);
		List<AssessedLecture> rows = new ArrayList<>();
		for (Lecture lecture : this.lectures.ofUnitBetween(orgUnitId, first, next)) {
			rows.add(new AssessedLecture(AssessedLecture.Source.LECTURE, lecture.id, lecture.topic,
					lecture.heldOn.toString(), lecture.place, lecture.audience));
		}
		Instant from = first.atStartOfDay(LectureService.CHINA).toInstant();
		Instant to = next.atStartOfDay(LectureService.CHINA).toInstant();
		for (HeldTheoryLecture activity : unrecorded(this.activities.heldTheoryLectures(List.of(orgUnitId), from, to))) {
			rows.add(new AssessedLecture(AssessedLecture.Source.ACTIVITY, activity.id(), activity.title(),
					activity.startsAt().atZone(LectureService.CHINA).toLocalDate().toString(), activity.address(), null));
		}
		rows.sort(Comparator.comparing(AssessedLecture::heldOn));
		return rows;
	}

	/** The flagged activities no recorded lecture stands for. */
	private List<HeldTheoryLecture> unrecorded(List<HeldTheoryLecture> flagged) {
		if (flagged.isEmpty()) {
			return flagged;
		}
		Set<Long> recorded = new HashSet<>(this.lectures.linkedActivities(flagged.stream().map(HeldTheoryLecture::id).toList()));
		return flagged.stream().filter(activity -> !recorded.contains(activity.id())).toList();
	}

}
