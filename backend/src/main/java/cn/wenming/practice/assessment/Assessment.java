package cn.wenming.practice.assessment;

import java.time.Instant;
import java.util.List;

import cn.wenming.practice.org.OrgLevel;

/** GraphQL {@code Assessment}: the figures of a unit and of every unit below it for one month. */
record Assessment(int year, int month, Instant yearFrom, Instant monthFrom, Instant periodTo,
		List<UnitAssessment> units) {

	/** GraphQL {@code UnitAssessment}. */
	record UnitAssessment(long orgUnitId, Long parentId, String name, OrgLevel level, boolean open,
			List<Figure> figures) {
	}

	/** GraphQL {@code AssessmentFigure}; see the schema for the meaning of each field. */
	record Figure(Kind kind, Period period, Double value, Double numerator, Double denominator, Double target,
			TargetPeriod targetPeriod, Boolean met, Double expectedToDate, Boolean onTrack) {
	}

	/** GraphQL {@code AssessmentFigureKind}. */
	enum Kind {

		ACTIVITIES, THEORY_LECTURES, PARTY_MEMBER_PARTICIPATION, HOURS_PER_VOLUNTEER, VOLUNTEERS_WITH_HOURS,
		CIVILIZED_UNIT_ACTIVITIES, NEEDS_RECEIVED, NEEDS_FULFILLED, NEED_FULFILMENT_RATE, NEED_SATISFACTION,
		NEED_AVERAGE_RATING, BENEFICIARIES, BENEFICIARIES_YEAR, CIVIC_REPORTS, CIVIC_REPORTS_RESOLVED, SPOT_CHECK_AVERAGE,
		PEER_REVIEW_AVERAGE, BRAND_PROJECTS, STAFF_TRAINING_SESSIONS, STAFF_TRAINING_COVERAGE,
		STATION_WEEKLY_ACTIVITIES, ACTIVE_TEAMS, IN_SERVICE_PARTY_PARTICIPATION

	}

	/** GraphQL {@code AssessmentPeriod}: what a value covers. */
	enum Period {

		MONTH, YEAR_TO_DATE

	}

	/** GraphQL {@code TargetPeriod}: what a target is counted per. */
	enum TargetPeriod {

		MONTH, YEAR

	}

}
