package cn.wenming.practice.recognition;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import javax.sql.DataSource;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.activity.ActivityScenario;
import cn.wenming.practice.activity.Attendance;
import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.AfterCommit;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.HeldRow;
import cn.wenming.practice.testinfra.MutableClock;
import cn.wenming.practice.testinfra.Race;
import cn.wenming.practice.testinfra.Scenario;
import cn.wenming.practice.volunteer.CreditHoursChanged;
import cn.wenming.practice.volunteer.VolunteerHours;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 礼遇与嘉许 through the API: a 4★ rule pays its bonus and grants its title once, however often and
 * however concurrently the hours cross the threshold (and a replayed event pays nothing more); hours
 * revoked later take nothing back. The yearly 优秀志愿者 are proposed from the figures (year's hours,
 * no revoked record), decided by an impartial center admin, shown on the profile and printed on the
 * certificate, and revoked with a reason. Teams are certified by center admins outside the team.
 */
@IntegrationTest
class RecognitionTest {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	static final String CREATE_RULE = """
			mutation($input: CreateRecognitionRuleInput!) { createRecognitionRule(input: $input) {
			  id name trigger threshold bonusPoints honourTitle active status createdById decidedById } }""";

	static final String RULE_FIELDS = "id status active createdById decidedById decidedAt rejectReason";

	static final String APPROVE = "mutation($id: ID!) { approveRecognitionRule(id: $id) { " + RULE_FIELDS + " } }";

	static final String REJECT = "mutation($id: ID!, $reason: String!) { rejectRecognitionRule(id: $id, reason: $reason) { "
			+ RULE_FIELDS + " } }";

	static final String WITHDRAW = "mutation($id: ID!) { withdrawRecognitionRule(id: $id) { " + RULE_FIELDS + " } }";

	static final String DISABLE = "mutation($id: ID!) { disableRecognitionRule(id: $id) { active status } }";

	static final String RULES = """
			query($u: ID!) { recognitionRules(orgUnitId: $u) { id status createdByName decidedByName } }""";

	static final String HONOURS_OF = """
			query($id: ID!) { volunteer(id: $id) { honours { id title source year } } }""";

	static final String PROPOSE = """
			mutation($input: ProposeOutstandingInput!) { proposeOutstandingVolunteers(input: $input) }""";

	static final String CANDIDATES = """
			query($u: ID!, $y: Int!, $s: OutstandingCandidateStatus) { outstandingCandidates(orgUnitId: $u, year: $y, status: $s) {
			  edges { node { id volunteerId volunteerName yearHours status note } } } }""";

	static final String DECIDE = """
			mutation($input: DecideOutstandingInput!) { decideOutstandingCandidate(input: $input) {
			  id status note decidedByUserId } }""";

	static final String REVOKE = """
			mutation($id: ID!, $reason: String!) { revokeHonour(id: $id, reason: $reason) {
			  id revoked revokeReason title } }""";

	static final String CERTIFY = """
			mutation($input: CertifyTeamStarsInput!) { certifyTeamStars(input: $input) {
			  id teamId stars reason certifiedOn certifiedByName } }""";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	VolunteerHours volunteerHours;

	@Autowired
	RuleApplication ruleApplication;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate tx;

	@Scenario
	ActivityScenario s;

	@Autowired
	DataSource dataSource;

	Session centerAdmin;

	/** A second center admin of the same center: the four eyes on a rule. */
	Session approver;

	@BeforeEach
	void setUp() {
		this.centerAdmin = this.s.api.login(Fixtures.unique("center-admin"));
		this.s.fixtures.grant(this.centerAdmin.userId(), "CENTER_ADMIN", this.s.tree.center());
		this.approver = this.s.api.login(Fixtures.unique("rule-approver"));
		this.s.fixtures.grant(this.approver.userId(), "CENTER_ADMIN", this.s.tree.center());
	}

	@Test
	void aRuleAnAdminSetsForTheirOwnHoursPaysNothingUntilAnotherAdminApprovesIt() throws Exception {
		// The dishonest creator: a center admin who volunteers too sets a rule at their own total.
		Session creator = this.s.volunteer("admin-volunteer");
		this.s.fixtures.grant(creator.userId(), "CENTER_ADMIN", this.s.tree.center());
		long creatorVolunteer = volunteerIdOf(creator);
		this.jdbc.update("UPDATE volunteer SET credit_hours = 40 WHERE id = ?", creatorVolunteer);
		String ruleId = createRule(creator, this.s.tree.center(), "CREDIT_HOURS", 41, 100000, null)
			.path("createRecognitionRule.status").entity(String.class).isEqualTo("PENDING")
			.path("createRecognitionRule.active").entity(Boolean.class).isEqualTo(false)
			.path("createRecognitionRule.createdById").entity(String.class).isEqualTo(Long.toString(creator.userId()))
			.path("createRecognitionRule.decidedById").valueIsNull()
			.path("createRecognitionRule.id").entity(String.class).get();

		// A colleague confirms their hours: the pending rule pays nothing.
		Attendance.attend(this.s, this.clock, "文明劝导", Duration.ofHours(2), creator);
		AfterCommit.awaitListeners(this.jdbc);
		assertThat(bonusEntries(creator.userId())).isEmpty();

		// Not on their own word, not by a 站长, and only what exists.
		ApiErrors.expectCode(approve(creator, ruleId), "RECOGNITION_RULE_OWN");
		ApiErrors.expectCode(reject(creator, ruleId, "自己驳回"), "RECOGNITION_RULE_OWN");
		ApiErrors.expectCode(approve(this.s.admin, ruleId), "FORBIDDEN");
		ApiErrors.expectCode(approve(this.approver, "999999999"), "NOT_FOUND");
		ApiErrors.expectCode(this.s.api.as(creator).document(DISABLE).variable("id", ruleId).execute(),
				"RECOGNITION_RULE_NOT_ACTIVE");
		this.tx.executeWithoutResult(status -> this.volunteerHours.addCreditHours(creatorVolunteer, BigDecimal.ONE));
		AfterCommit.awaitListeners(this.jdbc);
		assertThat(bonusEntries(creator.userId())).isEmpty();

		// Another admin of the center approves: in effect from then on, at the next change of hours.
		approve(this.approver, ruleId).path("approveRecognitionRule.status").entity(String.class).isEqualTo("ACTIVE")
			.path("approveRecognitionRule.active").entity(Boolean.class).isEqualTo(true)
			.path("approveRecognitionRule.decidedById").entity(String.class)
			.isEqualTo(Long.toString(this.approver.userId()))
			.path("approveRecognitionRule.decidedAt").hasValue();
		ApiErrors.expectCode(approve(this.approver, ruleId), "RECOGNITION_RULE_NOT_PENDING");
		ApiErrors.expectCode(reject(this.approver, ruleId, "改为驳回"), "RECOGNITION_RULE_NOT_PENDING");
		ApiErrors.expectCode(withdraw(creator, ruleId), "RECOGNITION_RULE_NOT_PENDING");
		this.tx.executeWithoutResult(status -> this.volunteerHours.addCreditHours(creatorVolunteer, BigDecimal.ONE));
		AfterCommit.eventually(() -> assertThat(bonusEntries(creator.userId())).containsExactly(100000));

		// The trail, names as staff screens show them: the volunteer by name, staff by nickname or id.
		this.s.api.as(this.approver).document(RULES).variable("u", this.s.tree.center()).execute()
			.path("recognitionRules[0].id").entity(String.class).isEqualTo(ruleId)
			.path("recognitionRules[0].createdByName").entity(String.class).isEqualTo("张三")
			.path("recognitionRules[0].decidedByName").entity(String.class)
			.isEqualTo("用户 " + this.approver.userId());
	}

	@Test
	void aRejectedOrWithdrawnRuleNeverPays() {
		Session volunteer = this.s.volunteer("never-paid");
		long volunteerId = volunteerIdOf(volunteer);
		String rejected = createRule(this.centerAdmin, this.s.tree.center(), "CREDIT_HOURS", 1, 300, "驳回的称号")
			.path("createRecognitionRule.id").entity(String.class).get();
		String withdrawn = createRule(this.centerAdmin, this.s.tree.center(), "CREDIT_HOURS", 1, 200, null)
			.path("createRecognitionRule.id").entity(String.class).get();

		// A reason is required, at most 200 characters, and passes msgSecCheck.
		ApiErrors.expectCode(reject(this.approver, rejected, "  "), "BAD_REQUEST");
		ApiErrors.expectCode(reject(this.approver, rejected, "长".repeat(201)), "BAD_REQUEST");
		ApiErrors.expectCode(reject(this.approver, rejected, "RISKY 理由"), "CONTENT_REJECTED");
		reject(this.approver, rejected, " 门槛过低，与全县标准不一致 ").path("rejectRecognitionRule.status")
			.entity(String.class).isEqualTo("REJECTED")
			.path("rejectRecognitionRule.rejectReason").entity(String.class).isEqualTo("门槛过低，与全县标准不一致")
			.path("rejectRecognitionRule.decidedById").entity(String.class).isEqualTo(Long.toString(this.approver.userId()))
			.path("rejectRecognitionRule.active").entity(Boolean.class).isEqualTo(false);
		ApiErrors.expectCode(approve(this.approver, rejected), "RECOGNITION_RULE_NOT_PENDING");
		ApiErrors.expectCode(withdraw(this.centerAdmin, rejected), "RECOGNITION_RULE_NOT_PENDING");
		ApiErrors.expectCode(reject(this.approver, rejected, "再次驳回"), "RECOGNITION_RULE_NOT_PENDING");

		// Only the creator withdraws, only while pending; withdrawing is not approving.
		ApiErrors.expectCode(withdraw(this.approver, withdrawn), "FORBIDDEN");
		withdraw(this.centerAdmin, withdrawn).path("withdrawRecognitionRule.status").entity(String.class)
			.isEqualTo("WITHDRAWN")
			.path("withdrawRecognitionRule.decidedById").entity(String.class)
			.isEqualTo(Long.toString(this.centerAdmin.userId()));
		withdraw(this.centerAdmin, withdrawn).path("withdrawRecognitionRule.status").entity(String.class)
			.isEqualTo("WITHDRAWN");
		ApiErrors.expectCode(approve(this.approver, withdrawn), "RECOGNITION_RULE_NOT_PENDING");
		ApiErrors.expectCode(this.s.api.as(this.approver).document(DISABLE).variable("id", withdrawn).execute(),
				"RECOGNITION_RULE_NOT_ACTIVE");

		this.tx.executeWithoutResult(status -> this.volunteerHours.addCreditHours(volunteerId, BigDecimal.TEN));
		AfterCommit.awaitListeners(this.jdbc);
		assertThat(bonusEntries(volunteer.userId())).isEmpty();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM honour WHERE volunteer_id = ?", Integer.class,
				volunteerId)).isZero();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM recognition_rule_grant WHERE volunteer_id = ?",
				Integer.class, volunteerId)).isZero();
		this.s.api.as(this.centerAdmin).document(RULES).variable("u", this.s.tree.center()).execute()
			.path("recognitionRules[*].status").entityList(String.class).containsExactly("WITHDRAWN", "REJECTED");
	}

	@Test
	void anApprovalAndARejectionAtTheSameMomentOneWins() throws Exception {
		Session third = this.s.api.login(Fixtures.unique("rule-rejecter"));
		this.s.fixtures.grant(third.userId(), "CENTER_ADMIN", this.s.tree.center());
		String ruleId = createRule(this.centerAdmin, this.s.tree.center(), "STAR_LEVEL", 3, 100, null)
			.path("createRecognitionRule.id").entity(String.class).get();
		// Both have read the rule as pending and wait on its row, held by another transaction; once it
		// commits they go one after the other.
		List<String> codes = HeldRow.commitWhileWaiting(this.dataSource, "recognition_rule", Long.parseLong(ruleId),
				List.of("UPDATE recognition_rule%"),
				() -> Race.run(List.of(() -> ApiErrors.codeOf(approve(this.approver, ruleId)),
						() -> ApiErrors.codeOf(reject(third, ruleId, "与已有规则重复")))),
				connection -> awaitWaiting(connection, 2));
		assertThat(codes).containsOnlyOnce((String) null).contains("RECOGNITION_RULE_NOT_PENDING");
		Map<String, Object> row = this.jdbc.queryForMap(
				"SELECT status, decided_by, reject_reason FROM recognition_rule WHERE id = ?", Long.parseLong(ruleId));
		if (codes.get(0) == null) {
			assertThat(row).containsEntry("status", "ACTIVE").containsEntry("decided_by", this.approver.userId())
				.containsEntry("reject_reason", null);
		}
		else {
			assertThat(row).containsEntry("status", "REJECTED").containsEntry("decided_by", third.userId())
				.containsEntry("reject_reason", "与已有规则重复");
		}
	}

	@Test
	void aFourStarBonusIsPaidOnceHoweverOftenTheHoursCrossTheThreshold() throws Exception {
		// Only a center admin, on the center, with an effect and a sensible threshold.
		ApiErrors.expectCode(createRule(this.s.admin, this.s.tree.center(), "STAR_LEVEL", 4, 500, "四星志愿者"),
				"FORBIDDEN");
		ApiErrors.expectCode(createRule(this.centerAdmin, this.s.tree.station(), "STAR_LEVEL", 4, 500, "四星志愿者"),
				"RECOGNITION_CENTER_ONLY");
		ApiErrors.expectCode(createRule(this.centerAdmin, this.s.tree.center(), "STAR_LEVEL", 4, 0, null),
				"RECOGNITION_RULE_INVALID");
		ApiErrors.expectCode(createRule(this.centerAdmin, this.s.tree.center(), "STAR_LEVEL", 6, 500, null),
				"RECOGNITION_RULE_INVALID");
		String ruleId = createRule(this.centerAdmin, this.s.tree.center(), "STAR_LEVEL", 4, 500, "四星志愿者")
			.path("createRecognitionRule.trigger").entity(String.class).isEqualTo("STAR_LEVEL")
			.path("createRecognitionRule.id").entity(String.class).get();
		approve(this.approver, ruleId).path("approveRecognitionRule.active").entity(Boolean.class).isEqualTo(true);
		this.s.api.as(this.centerAdmin).document("query($u: ID!) { recognitionRules(orgUnitId: $u) { id } }")
			.variable("u", this.s.tree.center()).execute()
			.path("recognitionRules[*].id").entityList(String.class).containsExactly(ruleId);

		Session volunteer = this.s.volunteer("four-star");
		long volunteerId = volunteerIdOf(volunteer);
		this.jdbc.update("UPDATE volunteer SET credit_hours = 998.5 WHERE id = ?", volunteerId);
		// 998.5 + 2 = 1000.5 hours: 4★ through an attended activity whose hours the organiser confirms.
		Attendance.attend(this.s, this.clock, "河道巡护", Duration.ofHours(2), volunteer);
		AfterCommit.eventually(() -> assertThat(bonusEntries(volunteer.userId())).containsExactly(500));
		honoursOf(volunteerId).path("volunteer.honours[*].title").entityList(String.class).containsExactly("四星志愿者")
			.path("volunteer.honours[0].source").entity(String.class).isEqualTo("RULE");

		// Over the threshold again, twice at the same moment: nothing more.
		CyclicBarrier barrier = new CyclicBarrier(2);
		List<CompletableFuture<Void>> pushes = List.of(1, 2).stream().map(i -> CompletableFuture.runAsync(() -> {
			try {
				barrier.await();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
			this.tx.executeWithoutResult(status -> this.volunteerHours.addCreditHours(volunteerId, BigDecimal.ONE));
		})).toList();
		CompletableFuture.allOf(pushes.toArray(CompletableFuture[]::new)).join();
		AfterCommit.awaitListeners(this.jdbc);
		// A replayed change and a replayed bonus event change nothing either.
		int replayed = this.tx.execute(status -> this.ruleApplication
			.apply(new CreditHoursChanged(volunteerId, volunteer.userId(), new BigDecimal("1002.5"), 4)));
		assertThat(replayed).isZero();
		this.tx.executeWithoutResult(status -> this.events.publishEvent(new RecognitionBonusGranted(volunteer.userId(),
				volunteerId, Long.parseLong(ruleId), 500, "四星礼遇")));
		AfterCommit.awaitListeners(this.jdbc);
		assertThat(bonusEntries(volunteer.userId())).containsExactly(500);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM honour WHERE volunteer_id = ?", Integer.class,
				volunteerId)).isEqualTo(1);

		// Hours taken back below the threshold leave the honour (an admin revokes it, with a reason).
		this.tx.executeWithoutResult(status -> this.volunteerHours.subtractCreditHours(volunteerId, BigDecimal.TEN));
		AfterCommit.awaitListeners(this.jdbc);
		honoursOf(volunteerId).path("volunteer.honours[*].title").entityList(String.class).containsExactly("四星志愿者");

		// A disabled rule grants nothing to the next volunteer.
		this.s.api.as(this.centerAdmin).document("mutation($id: ID!) { disableRecognitionRule(id: $id) { active } }")
			.variable("id", ruleId).execute().path("disableRecognitionRule.active").entity(Boolean.class).isEqualTo(false);
		Session later = this.s.volunteer("four-star-later");
		long laterId = volunteerIdOf(later);
		this.jdbc.update("UPDATE volunteer SET credit_hours = 999 WHERE id = ?", laterId);
		this.tx.executeWithoutResult(status -> this.volunteerHours.addCreditHours(laterId, BigDecimal.ONE));
		AfterCommit.awaitListeners(this.jdbc);
		assertThat(bonusEntries(later.userId())).isEmpty();
	}

	@Test
	void outstandingVolunteersAreProposedFromTheFiguresAndDecidedByAnImpartialAdmin() throws Exception {
		int year = LocalDate.now(this.clock.withZone(CHINA)).getYear();
		Session a = this.s.volunteer("outstanding-a");
		Session b = this.s.volunteer("outstanding-b");
		Session c = this.s.volunteer("outstanding-c");
		Session d = this.s.volunteer("outstanding-d");
		Attendance.attend(this.s, this.clock, "敬老助餐", Duration.ofHours(3), a, b, d);
		var revoked = Attendance.attend(this.s, this.clock, "文明劝导", Duration.ofHours(3), b);
		this.s.api.as(this.s.admin).documentName("revokeHours").variable("signUpId", revoked.signUpIds().get(b.userId()))
			.variable("reason", "重复登记").execute().path("revokeHours.hoursRevoked").entity(Boolean.class).isEqualTo(true);
		Attendance.attend(this.s, this.clock, "垃圾分类", Duration.ofHours(1), c);
		AfterCommit.awaitListeners(this.jdbc);

		ApiErrors.expectCode(propose(this.s.admin, year), "FORBIDDEN");
		// a and d: 3 hours this year; b had hours revoked this year; c has 1 hour only.
		propose(this.centerAdmin, year).path("proposeOutstandingVolunteers").entity(Integer.class).isEqualTo(2);
		propose(this.centerAdmin, year).path("proposeOutstandingVolunteers").entity(Integer.class).isEqualTo(0);
		Map<String, String> candidates = new HashMap<>();
		List<Map<String, Object>> nodes = candidates(year, "PENDING");
		nodes.forEach(n -> candidates.put((String) n.get("volunteerId"), (String) n.get("id")));
		assertThat(candidates).containsOnlyKeys(Long.toString(volunteerIdOf(a)), Long.toString(volunteerIdOf(d)));
		assertThat(nodes).allSatisfy(n -> assertThat(((Number) n.get("yearHours")).doubleValue()).isEqualTo(3.0));
		String candidateA = candidates.get(Long.toString(volunteerIdOf(a)));
		String candidateD = candidates.get(Long.toString(volunteerIdOf(d)));

		// a is also a center admin: not for their own candidacy, nor for another one of that year.
		this.s.fixtures.grant(a.userId(), "CENTER_ADMIN", this.s.tree.center());
		ApiErrors.expectCode(decide(a, candidateA, true, null), "FORBIDDEN");
		ApiErrors.expectCode(decide(a, candidateD, false, "时长不足"), "OUTSTANDING_DECIDER_IS_CANDIDATE");
		ApiErrors.expectCode(decide(this.s.admin, candidateA, true, null), "FORBIDDEN");
		ApiErrors.expectCode(decide(this.centerAdmin, candidateD, false, null), "BAD_REQUEST");
		decide(this.centerAdmin, candidateD, false, "服务对象反映不佳").path("decideOutstandingCandidate.status")
			.entity(String.class).isEqualTo("REJECTED");
		decide(this.centerAdmin, candidateA, true, "表现突出").path("decideOutstandingCandidate.status")
			.entity(String.class).isEqualTo("APPROVED")
			.path("decideOutstandingCandidate.decidedByUserId").entity(String.class)
			.isEqualTo(Long.toString(this.centerAdmin.userId()));
		ApiErrors.expectCode(decide(this.centerAdmin, candidateA, false, "改判"), "OUTSTANDING_ALREADY_DECIDED");
		assertThat(candidates(year, "APPROVED")).extracting(n -> n.get("id")).containsExactly(candidateA);

		// On a's profile (their own view too) and on a's certificate of the year.
		String title = year + "年度优秀志愿者";
		honoursOf(volunteerIdOf(a)).path("volunteer.honours[*].title").entityList(String.class).containsExactly(title);
		this.s.api.as(a).document("{ myVolunteer { honours { title year } } }").execute()
			.path("myVolunteer.honours[0].title").entity(String.class).isEqualTo(title)
			.path("myVolunteer.honours[0].year").entity(Integer.class).isEqualTo(year);
		honoursOf(volunteerIdOf(d)).path("volunteer.honours").entityList(Object.class).hasSize(0);
		String text = pdfText(a, year).replaceAll("\\s+", "");
		assertThat(text).contains("本年度获得荣誉称号：" + title);
		assertThat(pdfText(d, year).replaceAll("\\s+", "")).doesNotContain("荣誉称号");

		// Revoked with a reason, by an admin other than the holder: gone from the profile, kept in the trail.
		String honourId = honoursOf(volunteerIdOf(a)).path("volunteer.honours[0].id").entity(String.class).get();
		ApiErrors.expectCode(revoke(a, honourId, "本人撤销"), "FORBIDDEN");
		revoke(this.centerAdmin, honourId, "经复核服务记录不实").path("revokeHonour.revoked").entity(Boolean.class)
			.isEqualTo(true);
		ApiErrors.expectCode(revoke(this.centerAdmin, honourId, "再次撤销"), "HONOUR_ALREADY_REVOKED");
		honoursOf(volunteerIdOf(a)).path("volunteer.honours").entityList(Object.class).hasSize(0);
		this.s.api.as(this.centerAdmin).document("query($u: ID!) { honours(orgUnitId: $u) { edges { node { id revoked revokeReason volunteerName } } } }")
			.variable("u", this.s.tree.center()).execute()
			.path("honours.edges[0].node.id").entity(String.class).isEqualTo(honourId)
			.path("honours.edges[0].node.revokeReason").entity(String.class).isEqualTo("经复核服务记录不实");
		assertThat(pdfText(a, year).replaceAll("\\s+", "")).doesNotContain("荣誉称号");
	}

	@Test
	void teamsAreCertifiedByCenterAdminsOutsideTheTeamWithATrail() {
		Session leader = this.s.volunteer("team-leader");
		Map<String, Object> input = new HashMap<>();
		input.put("orgUnitId", Long.toString(this.s.tree.station()));
		input.put("name", Fixtures.unique("长江保护分队"));
		input.put("kind", "SQUAD");
		input.put("leaderUserId", Long.toString(leader.userId()));
		String teamId = this.s.api.as(this.s.admin).documentName("createTeam").variable("input", input).execute()
			.path("createTeam.id").entity(String.class).get();
		String today = LocalDate.now(this.clock.withZone(CHINA)).toString();

		this.s.fixtures.grant(leader.userId(), "CENTER_ADMIN", this.s.tree.center());
		ApiErrors.expectCode(certify(leader, teamId, 5, "自评", today), "TEAM_CERTIFIER_IN_TEAM");
		ApiErrors.expectCode(certify(this.s.admin, teamId, 3, "站长认证", today), "FORBIDDEN");
		ApiErrors.expectBadField(certify(this.centerAdmin, teamId, 6, "超出", today), "input.stars");
		ApiErrors.expectCode(certify(this.centerAdmin, teamId, 3, "未来日期", "2999-01-01"), "BAD_REQUEST");
		team(teamId).path("team.certifiedStars").valueIsNull();

		certify(this.centerAdmin, teamId, 3, "年度服务时长达标", today).path("certifyTeamStars.stars").entity(Integer.class)
			.isEqualTo(3)
			.path("certifyTeamStars.certifiedOn").entity(String.class).isEqualTo(today);
		certify(this.centerAdmin, teamId, 4, "获评市级优秀队伍", today);
		team(teamId).path("team.certifiedStars").entity(Integer.class).isEqualTo(4);
		this.s.api.as(this.s.admin).document("query($t: ID!) { teamCertifications(teamId: $t) { stars reason certifiedByName } }")
			.variable("t", teamId).execute()
			.path("teamCertifications[*].stars").entityList(Integer.class).containsExactly(4, 3)
			.path("teamCertifications[*].reason").entityList(String.class).containsExactly("获评市级优秀队伍", "年度服务时长达标");
	}

	private GraphQlTester.Response createRule(Session as, long unit, String trigger, double threshold, int bonus,
			String title) {
		Map<String, Object> input = new HashMap<>();
		input.put("orgUnitId", Long.toString(unit));
		input.put("name", "四星礼遇");
		input.put("trigger", trigger);
		input.put("threshold", threshold);
		input.put("bonusPoints", bonus);
		input.put("honourTitle", title);
		return this.s.api.as(as).document(CREATE_RULE).variable("input", input).execute();
	}

	private GraphQlTester.Response approve(Session as, String ruleId) {
		return this.s.api.as(as).document(APPROVE).variable("id", ruleId).execute();
	}

	private GraphQlTester.Response reject(Session as, String ruleId, String reason) {
		return this.s.api.as(as).document(REJECT).variable("id", ruleId).variable("reason", reason).execute();
	}

	private GraphQlTester.Response withdraw(Session as, String ruleId) {
		return this.s.api.as(as).document(WITHDRAW).variable("id", ruleId).execute();
	}

	/** Blocks the holding transaction until {@code count} statements of others wait on the rule. */
	private static void awaitWaiting(java.sql.Connection connection, int count) throws java.sql.SQLException {
		long deadline = System.currentTimeMillis() + 20_000;
		while (true) {
			try (var statement = connection.prepareStatement("SELECT COUNT(*) FROM information_schema.PROCESSLIST "
					+ "WHERE DB = DATABASE() AND COMMAND = 'Query' AND ID <> CONNECTION_ID() "
					+ "AND INFO LIKE 'UPDATE recognition_rule%'"); var rows = statement.executeQuery()) {
				rows.next();
				if (rows.getInt(1) >= count) {
					return;
				}
			}
			if (System.currentTimeMillis() > deadline) {
				throw new IllegalStateException("not both decisions waited on the rule");
			}
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	private GraphQlTester.Response honoursOf(long volunteerId) {
		return this.s.api.as(this.centerAdmin).document(HONOURS_OF).variable("id", Long.toString(volunteerId)).execute();
	}

	private GraphQlTester.Response propose(Session as, int year) {
		return this.s.api.as(as).document(PROPOSE).variable("input",
				Map.of("orgUnitId", Long.toString(this.s.tree.center()), "year", year, "minHours", 2.0)).execute();
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> candidates(int year, String status) {
		return this.s.api.as(this.centerAdmin).document(CANDIDATES).variable("u", this.s.tree.center())
			.variable("y", year).variable("s", status).execute()
			.path("outstandingCandidates.edges[*].node").entityList(Map.class).get()
			.stream().map(m -> (Map<String, Object>) m).toList();
	}

	private GraphQlTester.Response decide(Session as, String candidateId, boolean approve, String note) {
		Map<String, Object> input = new HashMap<>();
		input.put("candidateId", candidateId);
		input.put("approve", approve);
		input.put("note", note);
		return this.s.api.as(as).document(DECIDE).variable("input", input).execute();
	}

	private GraphQlTester.Response revoke(Session as, String honourId, String reason) {
		return this.s.api.as(as).document(REVOKE).variable("id", honourId).variable("reason", reason).execute();
	}

	private GraphQlTester.Response certify(Session as, String teamId, int stars, String reason, String on) {
		return this.s.api.as(as).document(CERTIFY).variable("input",
				Map.of("teamId", teamId, "stars", stars, "reason", reason, "certifiedOn", on)).execute();
	}

	private GraphQlTester.Response team(String teamId) {
		return this.s.api.as(this.s.admin).document("query($id: ID!) { team(id: $id) { id certifiedStars } }")
			.variable("id", teamId).execute();
	}

	private List<Integer> bonusEntries(long userId) {
		return this.jdbc.queryForList(
				"SELECT delta FROM points_entry WHERE user_id = ? AND business_type = 'RECOGNITION_BONUS' ORDER BY id",
				Integer.class, userId);
	}

	private long volunteerIdOf(Session session) {
		return this.jdbc.queryForObject("SELECT id FROM volunteer WHERE user_id = ?", Long.class, session.userId());
	}

	private String pdfText(Session volunteer, int year) throws Exception {
		String url = this.s.api.as(volunteer).documentName("serviceRecordPdf").variable("year", year).execute()
			.path("serviceRecordPdf.downloadUrl").entity(String.class).get();
		byte[] pdf = WebTestClient.bindToServer(Api.connector()).baseUrl("http://127.0.0.1:" + this.port)
			.build().get().uri(url).exchange().expectStatus().isOk()
			.expectBody(byte[].class).returnResult().getResponseBody();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

}
