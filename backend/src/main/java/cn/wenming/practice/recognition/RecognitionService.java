package cn.wenming.practice.recognition;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.wenming.practice.auth.AccessControl;
import cn.wenming.practice.auth.Actor;
import cn.wenming.practice.auth.Role;
import cn.wenming.practice.org.OrgDirectory;
import cn.wenming.practice.org.OrgLevel;
import cn.wenming.practice.org.OrgUnitRef;
import cn.wenming.practice.shared.CommonError;
import cn.wenming.practice.shared.Connections;
import cn.wenming.practice.shared.ContentSecurity;
import cn.wenming.practice.shared.CreationKeys;
import cn.wenming.practice.shared.DomainException;
import cn.wenming.practice.shared.RecordCorrections;
import cn.wenming.practice.team.TeamDirectory;
import cn.wenming.practice.team.TeamRef;
import cn.wenming.practice.volunteer.VolunteerDirectory;
import cn.wenming.practice.volunteer.VolunteerRef;
import cn.wenming.practice.volunteer.VolunteerServiceRecord;
import graphql.relay.Connection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 礼遇与嘉许 for staff: the rules of a center, revoking an honour, the yearly 优秀志愿者 (proposed from
 * the figures, decided one by one) and the star certification of teams. Rules, proposals and
 * certifications are a center admin's (on the center itself); a rule is in effect only once another
 * admin of the center approved it; a decision is never taken on one's own record, nor by someone who is a candidate of that year, nor a team certified by its leader or
 * a member. Every text others read passes msgSecCheck before anything is stored.
 */
@Service
class RecognitionService {

	private static final Logger log = LoggerFactory.getLogger(RecognitionService.class);

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	static final String STAR_LEVEL = "STAR_LEVEL";

	static final String CREDIT_HOURS = "CREDIT_HOURS";

	/** Volunteers looked at per round when proposing candidates. */
	private static final int CHUNK = 500;

	private final RecognitionRuleMapper rules;

	private final HonourMapper honours;

	private final OutstandingCandidateMapper candidates;

	private final TeamCertificationMapper certifications;

	private final OrgDirectory orgs;

	private final AccessControl access;

	private final VolunteerDirectory volunteers;

	private final TeamDirectory teams;

	private final ObjectProvider<VolunteerServiceRecord> records;

	private final ContentSecurity content;

	private final TransactionTemplate tx;

	private final Clock clock;

	RecognitionService(RecognitionRuleMapper rules, HonourMapper honours, OutstandingCandidateMapper candidates,
			TeamCertificationMapper certifications, OrgDirectory orgs, AccessControl access,
			VolunteerDirectory volunteers, TeamDirectory teams, ObjectProvider<VolunteerServiceRecord> records,
			ContentSecurity content, TransactionTemplate tx, Clock clock) {
		this.rules = rules;
		this.honours = honours;
		this.candidates = candidates;
		this.certifications = certifications;
		this.orgs = orgs;
		this.access = access;
		this.volunteers = volunteers;
		this.teams = teams;
		this.records = records;
		this.content = content;
		this.tx = tx;
		this.clock = clock;
	}

	record CreateRule(long orgUnitId, String name, String trigger, double threshold, int bonusPoints,
			String honourTitle, String idempotencyKey) {
	}

	record Propose(long orgUnitId, int year, double minHours) {
	}

	record Decide(long candidateId, boolean approve, String note) {
	}

	record Certify(long teamId, int stars, String reason, String certifiedOn) {
	}

	// --- rules

	RecognitionRule.RuleView createRule(CreateRule input) {
		OrgUnitRef center = this.orgs.require(input.orgUnitId());
		Actor actor = requireCenterAdmin(center);
		// A resend (a double click, the console's retry of a 503 whose commit went through) answers the
		// rule created once, as it is now: looked up only now that the caller may create here.
		CreationKeys.Create<RecognitionRule.RuleView> keyed = CreationKeys.create(input.idempotencyKey(),
				RecordCorrections.digest("RECOGNITION_RULE", center.id(), input.name().strip(), input.trigger(),
						input.threshold(), input.bonusPoints(),
						(input.honourTitle() == null || input.honourTitle().isBlank()) ? null : input.honourTitle().strip()),
				() -> this.rules.findByKey(actor.userId(), input.idempotencyKey()),
				id -> this.rules.selectById(id).view());
		RecognitionRule.RuleView earlier = keyed.earlier();
		if (earlier != null) {
			return earlier;
		}
		boolean stars = STAR_LEVEL.equals(input.trigger());
		double t = input.threshold();
		boolean validThreshold = stars ? (t == Math.rint(t) && t >= 1 && t <= 5) : (t >= 1 && t <= 100000);
		String title = (input.honourTitle() == null || input.honourTitle().isBlank()) ? null
				: input.honourTitle().strip();
		if (!validThreshold || (input.bonusPoints() <= 0 && title == null)) {
			throw new DomainException(RecognitionError.RECOGNITION_RULE_INVALID);
		}
		String name = input.name().strip();
		requirePass(actor, (title == null) ? name : name + "\n" + title);
		RecognitionRule row = new RecognitionRule();
		row.orgUnitId = center.id();
		row.name = name;
		row.triggerKind = stars ? STAR_LEVEL : CREDIT_HOURS;
		row.threshold = BigDecimal.valueOf(t).setScale(1, RoundingMode.HALF_UP);
		row.bonusPoints = input.bonusPoints();
		row.honourTitle = title;
		// Not on one's own word: it pays nobody until another admin of the center approves it.
		row.status = RecognitionRule.PENDING;
		row.createdBy = actor.userId();
		row.createdAt = this.clock.instant();
		row.idempotencyKey = input.idempotencyKey();
		row.requestDigest = keyed.digest();
		return keyed.once(log, "Creating recognition rule", () -> this.rules.insert(row),
				() -> this.rules.selectById(row.id).view());
	}

	/**
	 * Puts a pending rule in effect: a center admin over its center other than its creator. Guarded on
	 * PENDING: of an approval and a rejection at the same moment one wins, the other is told
	 * RECOGNITION_RULE_NOT_PENDING.
	 */
	RecognitionRule.RuleView approveRule(long id) {
		RecognitionRule rule = requireRule(id);
		Actor actor = requireReviewer(rule);
		if (this.rules.approve(id, actor.userId(), this.clock.instant()) == 0) {
			throw new DomainException(RecognitionError.RECOGNITION_RULE_NOT_PENDING);
		}
		return this.rules.selectById(id).view();
	}

	/** Rejects a pending rule with a reason (msgSecCheck first: the creator reads it); as approving. */
	RecognitionRule.RuleView rejectRule(long id, String reason) {
		RecognitionRule rule = requireRule(id);
		Actor actor = requireReviewer(rule);
		String text = (reason == null) ? "" : reason.strip();
		if (text.isEmpty()) {
			throw DomainException.badRequest("驳回须说明理由");
		}
		requirePass(actor, text);
		if (this.rules.reject(id, actor.userId(), this.clock.instant(), text) == 0) {
			throw new DomainException(RecognitionError.RECOGNITION_RULE_NOT_PENDING);
		}
		return this.rules.selectById(id).view();
	}

	/** The creator takes back their pending rule; withdrawing it again changes nothing. */
	RecognitionRule.RuleView withdrawRule(long id) {
		RecognitionRule rule = requireRule(id);
		Actor actor = requireCenterAdmin(this.orgs.require(rule.orgUnitId));
		if (actor.userId() != rule.createdBy) {
			throw new DomainException(CommonError.FORBIDDEN, "只有新建人可以撤回礼遇规则；其他管理员请驳回");
		}
		if (this.rules.withdraw(id, actor.userId(), this.clock.instant()) == 0) {
			RecognitionRule now = this.rules.selectById(id);
			if (!RecognitionRule.WITHDRAWN.equals(now.status)) {
				throw new DomainException(RecognitionError.RECOGNITION_RULE_NOT_PENDING);
			}
			return now.view();
		}
		return this.rules.selectById(id).view();
	}

	RecognitionRule.RuleView disableRule(long id) {
		RecognitionRule rule = requireRule(id);
		Actor actor = requireCenterAdmin(this.orgs.require(rule.orgUnitId));
		if (this.rules.disable(id, actor.userId(), this.clock.instant()) == 0) {
			// Disabling twice changes nothing: the first disabling's time and admin stay.
			RecognitionRule now = this.rules.selectById(id);
			if (!RecognitionRule.DISABLED.equals(now.status)) {
				throw new DomainException(RecognitionError.RECOGNITION_RULE_NOT_ACTIVE);
			}
			return now.view();
		}
		return this.rules.selectById(id).view();
	}

	private RecognitionRule requireRule(long id) {
		RecognitionRule rule = this.rules.selectById(id);
		if (rule == null) {
			throw DomainException.notFound("礼遇规则");
		}
		return rule;
	}

	/** A center admin over the rule's center who did not create it, while it is pending. */
	private Actor requireReviewer(RecognitionRule rule) {
		Actor actor = requireCenterAdmin(this.orgs.require(rule.orgUnitId));
		if (actor.userId() == rule.createdBy) {
			throw new DomainException(RecognitionError.RECOGNITION_RULE_OWN);
		}
		if (!RecognitionRule.PENDING.equals(rule.status)) {
			throw new DomainException(RecognitionError.RECOGNITION_RULE_NOT_PENDING);
		}
		return actor;
	}

	List<RecognitionRule.RuleView> rules(long orgUnitId) {
		OrgUnitRef unit = this.orgs.require(orgUnitId);
		this.access.requireAdminOver(unit.path());
		return this.rules.ofUnit(unit.id()).stream().map(RecognitionRule::view).toList();
	}

	// --- honours

	Connection<Honour.HonourView> honours(long orgUnitId, Integer first, String after) {
		OrgUnitRef unit = this.orgs.require(orgUnitId);
		this.access.requireAdminOver(unit.path());
		var page = Connections.page(first, after);
		return Connections.of(this.honours.pageOf(unit.id(), page.afterId(), page.fetchSize())
			.stream()
			.map(Honour::view)
			.toList(), page, Honour.HonourView::id);
	}

	/**
	 * Revokes an honour with a reason (the trail: who, when, why). For a center admin covering the
	 * volunteer's home station, not the holder. Revoked hours never revoke an honour by themselves.
	 */
	Honour.HonourView revokeHonour(long id, String reason) {
		Honour honour = this.honours.selectById(id);
		if (honour == null) {
			throw DomainException.notFound("荣誉称号");
		}
		VolunteerRef holder = this.volunteers.findAll(List.of(honour.volunteerId)).get(honour.volunteerId);
		Actor actor = this.access.requireRoleOver(Role.CENTER_ADMIN, this.orgs.require(holder.homeStationId()).path());
		if (actor.userId() == holder.userId()) {
			throw new DomainException(CommonError.FORBIDDEN, "不能撤销本人的荣誉称号，请由其他管理员办理");
		}
		if (honour.revokedAt != null) {
			throw new DomainException(RecognitionError.HONOUR_ALREADY_REVOKED);
		}
		String text = reason.strip();
		requirePass(actor, text);
		if (this.honours.revoke(id, actor.userId(), this.clock.instant(), text) == 0) {
			throw new DomainException(RecognitionError.HONOUR_ALREADY_REVOKED);
		}
		return this.honours.selectById(id).view();
	}

	// --- 优秀志愿者

	/**
	 * Proposes the year's 优秀志愿者 of a center's subtree: every volunteer based there whose
	 * confirmed credit hours of services in the year (activities that ended, needs completed in it;
	 * revoked hours not counted) reach {@code minHours}, and who had no confirmed hours revoked in
	 * that year. Already proposed volunteers (this year, by any center) are left as they are, so
	 * proposing again only adds those who have since qualified. Returns how many were added.
	 */
	int propose(Propose input) {
		OrgUnitRef center = this.orgs.require(input.orgUnitId());
		Actor actor = requireCenterAdmin(center);
		int thisYear = LocalDate.now(this.clock.withZone(CHINA)).getYear();
		if (input.year() < 2000 || input.year() > thisYear) {
			throw DomainException.badRequest("年度须在 2000 年到今年之间");
		}
		if (!(input.minHours() >= 1 && input.minHours() <= 10000)) {
			throw DomainException.badRequest("时长门槛须在 1–10000 小时之间");
		}
		BigDecimal minHours = BigDecimal.valueOf(input.minHours());
		Instant from = LocalDate.of(input.year(), 1, 1).atStartOfDay(CHINA).toInstant();
		Instant to = LocalDate.of(input.year() + 1, 1, 1).atStartOfDay(CHINA).toInstant();
		List<Long> units = this.orgs.subtreeIds(center.path());
		List<VolunteerServiceRecord> sources = this.records.orderedStream().toList();
		int added = 0;
		Long afterId = null;
		while (true) {
			// A year's hours never exceed the credited total: only those with enough in total are looked at.
			List<VolunteerRef> chunk = this.volunteers.withCreditHoursAtLeast(units, minHours, afterId, CHUNK);
			if (chunk.isEmpty()) {
				break;
			}
			afterId = chunk.get(chunk.size() - 1).id();
			List<Long> ids = chunk.stream().map(VolunteerRef::id).toList();
			Map<Long, BigDecimal> hours = new HashMap<>();
			Map<Long, Integer> revoked = new HashMap<>();
			for (VolunteerServiceRecord source : sources) {
				source.totals(ids, from, to).forEach((id, t) -> hours.merge(id, t.hoursInPeriod(), BigDecimal::add));
				source.revokedCounts(ids, from, to).forEach((id, n) -> revoked.merge(id, n, Integer::sum));
			}
			Instant now = this.clock.instant();
			for (VolunteerRef volunteer : chunk) {
				BigDecimal yearHours = hours.getOrDefault(volunteer.id(), BigDecimal.ZERO);
				if (yearHours.compareTo(minHours) < 0 || revoked.getOrDefault(volunteer.id(), 0) > 0) {
					continue;
				}
				OutstandingCandidate row = new OutstandingCandidate();
				row.orgUnitId = center.id();
				row.serviceYear = input.year();
				row.volunteerId = volunteer.id();
				row.userId = volunteer.userId();
				row.yearHours = yearHours;
				row.proposedBy = actor.userId();
				row.proposedAt = now;
				added += this.candidates.propose(row);
			}
			if (chunk.size() < CHUNK) {
				break;
			}
		}
		return added;
	}

	Connection<OutstandingCandidate.CandidateView> candidates(long orgUnitId, int year, String status,
			Integer first, String after) {
		OrgUnitRef unit = this.orgs.require(orgUnitId);
		this.access.requireAdminOver(unit.path());
		var page = Connections.page(first, after);
		return Connections.of(this.candidates.page(unit.id(), year, status, page.afterId(), page.fetchSize())
			.stream()
			.map(OutstandingCandidate::view)
			.toList(), page, OutstandingCandidate.CandidateView::id);
	}

	/**
	 * Approves (the honour "YYYY年度优秀志愿者") or rejects (with a reason) one candidate. A center admin
	 * covering the center that proposed it, who is not the candidate nor a candidate of that year.
	 * Guarded: of two concurrent decisions one wins, the other gets OUTSTANDING_ALREADY_DECIDED.
	 */
	OutstandingCandidate.CandidateView decide(Decide input) {
		OutstandingCandidate candidate = this.candidates.selectById(input.candidateId());
		if (candidate == null) {
			throw DomainException.notFound("候选人");
		}
		Actor actor = this.access.requireRoleOver(Role.CENTER_ADMIN, this.orgs.require(candidate.orgUnitId).path());
		if (actor.userId() == candidate.userId) {
			throw new DomainException(CommonError.FORBIDDEN, "不能审核本人的优秀志愿者评选，请由其他管理员审核");
		}
		if (this.candidates.isCandidate(actor.userId(), candidate.serviceYear)) {
			throw new DomainException(RecognitionError.OUTSTANDING_DECIDER_IS_CANDIDATE);
		}
		if (!"PENDING".equals(candidate.status)) {
			throw new DomainException(RecognitionError.OUTSTANDING_ALREADY_DECIDED);
		}
		String note = (input.note() == null || input.note().isBlank()) ? null : input.note().strip();
		if (!input.approve() && note == null) {
			throw DomainException.badRequest("不通过须说明理由");
		}
		if (note != null) {
			requirePass(actor, note);
		}
		Instant now = this.clock.instant();
		this.tx.executeWithoutResult(status -> {
			if (this.candidates.decide(candidate.id, input.approve() ? "APPROVED" : "REJECTED", actor.userId(), now,
					note) == 0) {
				throw new DomainException(RecognitionError.OUTSTANDING_ALREADY_DECIDED);
			}
			if (input.approve()) {
				Honour honour = new Honour();
				honour.volunteerId = candidate.volunteerId;
				honour.orgUnitId = candidate.orgUnitId;
				honour.title = candidate.serviceYear + "年度优秀志愿者";
				honour.source = "OUTSTANDING";
				honour.sourceKey = "O:" + candidate.serviceYear + ":" + candidate.volunteerId;
				honour.honourYear = candidate.serviceYear;
				honour.grantedBy = actor.userId();
				honour.grantedAt = now;
				this.honours.grant(honour);
			}
		});
		return this.candidates.selectById(candidate.id).view();
	}

	// --- team star certification

	/**
	 * Certifies a team's stars (1–5) with a reason and the date of the decision, kept as a trail; the
	 * latest certification is the team's. A center admin covering the team's unit who neither leads
	 * nor belongs to the team.
	 */
	TeamCertification.CertificationView certify(Certify input) {
		TeamRef team = this.teams.findTeam(input.teamId()).orElseThrow(() -> DomainException.notFound("队伍"));
		Actor actor = this.access.requireRoleOver(Role.CENTER_ADMIN, this.orgs.require(team.orgUnitId()).path());
		if (team.leaderUserId() == actor.userId() || this.teams.isMember(team.id(), actor.userId())) {
			throw new DomainException(RecognitionError.TEAM_CERTIFIER_IN_TEAM);
		}
		if (!team.active()) {
			throw DomainException.badRequest("队伍已解散，不能认证星级");
		}
		if (input.stars() < 1 || input.stars() > 5) {
			throw DomainException.badRequest("星级为 1–5 星");
		}
		LocalDate on;
		try {
			on = LocalDate.parse(input.certifiedOn().strip());
		}
		catch (DateTimeParseException ex) {
			throw DomainException.badRequest("认证日期格式应为 yyyy-MM-dd");
		}
		if (on.isAfter(LocalDate.now(this.clock.withZone(CHINA)))) {
			throw DomainException.badRequest("认证日期不能晚于今天");
		}
		String reason = input.reason().strip();
		requirePass(actor, reason);
		TeamCertification row = new TeamCertification();
		row.teamId = team.id();
		row.stars = input.stars();
		row.reason = reason;
		row.certifiedOn = on;
		row.certifiedBy = actor.userId();
		row.createdAt = this.clock.instant();
		this.certifications.insert(row);
		return row.view();
	}

	List<TeamCertification.CertificationView> certifications(long teamId) {
		TeamRef team = this.teams.findTeam(teamId).orElseThrow(() -> DomainException.notFound("队伍"));
		this.access.requireAdminOver(this.orgs.require(team.orgUnitId()).path());
		return this.certifications.ofTeam(teamId).stream().map(TeamCertification::view).toList();
	}

	private Actor requireCenterAdmin(OrgUnitRef unit) {
		Actor actor = this.access.requireRoleOver(Role.CENTER_ADMIN, unit.path());
		if (unit.level() != OrgLevel.CENTER) {
			throw new DomainException(RecognitionError.RECOGNITION_CENTER_ONLY);
		}
		return actor;
	}

	/** Other people read these texts: msgSecCheck before anything is stored (no transaction is open). */
	private void requirePass(Actor actor, String text) {
		this.content.requirePass(this.access.openidOf(actor.userId()), ContentSecurity.Scene.PROFILE, null, text);
	}

}
