package cn.wenming.practice.recognition;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.wenming.practice.org.OrgDirectory;
import cn.wenming.practice.org.OrgUnitRef;
import cn.wenming.practice.volunteer.CreditHoursChanged;
import cn.wenming.practice.volunteer.VolunteerDirectory;
import cn.wenming.practice.volunteer.VolunteerRef;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Applies the rules of the centers above a volunteer's home station when their credited total
 * changes: every rule in effect (approved by a second admin, not disabled) the new total (or its star level) meets is granted once — the grant's
 * primary key (rule, volunteer) makes a replayed event or a concurrent change a no-op — with its
 * honour title and its points bonus ({@link RecognitionBonusGranted}, posted by the points feature
 * under the same key). Hours revoked later take nothing back. A rule applies from its approval on,
 * at the volunteer's next change of hours; a pending, rejected or withdrawn one never. Runs after the change committed, in a transaction of its
 * own; a failure leaves the publication to be resubmitted.
 */
@Component
class RuleApplication {

	private final RecognitionRuleMapper rules;

	private final HonourMapper honours;

	private final VolunteerDirectory volunteers;

	private final OrgDirectory orgs;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	RuleApplication(RecognitionRuleMapper rules, HonourMapper honours, VolunteerDirectory volunteers, OrgDirectory orgs,
			ApplicationEventPublisher events, Clock clock) {
		this.rules = rules;
		this.honours = honours;
		this.volunteers = volunteers;
		this.orgs = orgs;
		this.events = events;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(CreditHoursChanged event) {
		apply(event);
	}

	/** Grants what the event's total meets and was not granted yet; returns how many rules were granted now. */
	int apply(CreditHoursChanged event) {
		VolunteerRef volunteer = this.volunteers.findAll(List.of(event.volunteerId())).get(event.volunteerId());
		OrgUnitRef station = (volunteer == null) ? null : this.orgs.find(volunteer.homeStationId()).orElse(null);
		if (station == null) {
			return 0;
		}
		Instant now = this.clock.instant();
		int granted = 0;
		for (RecognitionRule rule : this.rules.activeInUnits(ancestors(station.path()))) {
			if (!rule.metBy(event.creditHours(), event.starLevel())
					|| this.rules.grant(rule.id, volunteer.id(), event.creditHours(), now) == 0) {
				continue;
			}
			granted++;
			if (rule.honourTitle != null) {
				Honour honour = new Honour();
				honour.volunteerId = volunteer.id();
				honour.orgUnitId = rule.orgUnitId;
				honour.title = rule.honourTitle;
				honour.source = "RULE";
				honour.sourceKey = "R:" + rule.id + ":" + volunteer.id();
				honour.honourYear = LocalDate.ofInstant(now, RecognitionService.CHINA).getYear();
				honour.grantedAt = now;
				this.honours.grant(honour);
			}
			if (rule.bonusPoints > 0) {
				this.events.publishEvent(
						new RecognitionBonusGranted(volunteer.userId(), volunteer.id(), rule.id, rule.bonusPoints, rule.name));
			}
		}
		return granted;
	}

	/** The ids on a path such as {@code /1/5/9/}: the unit and its ancestors. */
	private static List<Long> ancestors(String path) {
		return OrgUnitRef.idsOnPath(path);
	}

}
