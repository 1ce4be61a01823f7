package cn.wenming.practice.need;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.AfterCommit;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.Race;
import cn.wenming.practice.testinfra.Scenario;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** 点单 → 审核 → 派单 → 拒单 → 再派单 → 接单 → 开始 → 完成 → 评单 end to end over HTTP, and the other paths. */
@IntegrationTest
class NeedWorkflowTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	NeedEventRecorder recorder;

	@Scenario
	NeedScenario s;

	@Test
	void everyBeneficiaryTypeAndUrgencyCanBeOrdered() {
		// 留守儿童 (LEFT_BEHIND_CHILDREN) once overflowed its column: every value must round-trip.
		String[] beneficiaries = { "ELDERLY", "LEFT_BEHIND_CHILDREN", "DISABLED", "NEEDY", "OTHER" };
		String[] urgencies = { "NORMAL", "URGENT", "CRITICAL" };
		for (int i = 0; i < beneficiaries.length; i++) {
			var input = this.s.input("服务对象 " + beneficiaries[i]);
			input.put("beneficiaryType", beneficiaries[i]);
			input.put("urgency", urgencies[i % urgencies.length]);
			this.s.submit(this.s.resident, input)
				.path("submitNeed.beneficiaryType").entity(String.class).isEqualTo(beneficiaries[i])
				.path("submitNeed.urgency").entity(String.class).isEqualTo(urgencies[i % urgencies.length]);
		}
	}

	@Test
	void orderDispatchDeclineRedispatchAcceptCompleteRate() {
		// 点单
		var submitted = this.s.submit(this.s.resident, this.s.input("帮老人修电灯"));
		submitted.path("submitNeed.status").entity(String.class).isEqualTo("SUBMITTED")
			.path("submitNeed.source").entity(String.class).isEqualTo("ONLINE")
			.path("submitNeed.category.name").entity(String.class).isEqualTo("生活服务")
			.path("submitNeed.contactPhone").entity(String.class).isEqualTo("13812345678")
			.path("submitNeed.maskedContactName").entity(String.class).isEqualTo("张**")
			.path("submitNeed.desiredDate").entity(String.class).isEqualTo("2026-12-01");
		String needId = submitted.path("submitNeed.id").entity(String.class).get();
		long id = Long.parseLong(needId);

		// 审核 → published on the wish wall
		this.s.byNeed(this.s.admin, "publishNeed", needId).path("publishNeed.status").entity(String.class)
			.isEqualTo("PUBLISHED");
		this.s.api.anonymous().documentName("wishWall").variable("orgUnitId", Long.toString(this.s.tree.institute()))
			.execute().path("wishWall.edges[*].node.id").entityList(String.class).contains(needId);

		// 派单 to the team; the leader declines with a reason → back to PUBLISHED
		this.s.dispatch(this.s.admin, needId, this.s.teamId, null)
			.path("dispatchNeed.status").entity(String.class).isEqualTo("DISPATCHED")
			.path("dispatchNeed.assignedTeamId").entity(String.class).isEqualTo(this.s.teamId);
		this.s.withReason(this.s.leader, "declineNeed", needId, "本周队员都在防汛")
			.path("declineNeed.status").entity(String.class).isEqualTo("PUBLISHED");

		// 再派单 to a trained volunteer, who accepts, starts and completes
		this.s.dispatch(this.s.admin, needId, null, this.s.volunteer.userId())
			.path("dispatchNeed.status").entity(String.class).isEqualTo("DISPATCHED");
		ApiErrors.expectCode(this.s.byNeed(this.s.leader, "acceptNeed", needId), "FORBIDDEN");
		this.s.byNeed(this.s.volunteer, "acceptNeed", needId).path("acceptNeed.status").entity(String.class)
			.isEqualTo("ACCEPTED");
		ApiErrors.expectCode(this.s.withReason(this.s.resident, "cancelNeed", needId, "不需要了"), "NEED_INVALID_STATE");
		this.s.byNeed(this.s.volunteer, "startNeed", needId).path("startNeed.status").entity(String.class)
			.isEqualTo("IN_PROGRESS");
		Map<Long, Double> hours = new LinkedHashMap<>();
		hours.put(this.s.volunteer.userId(), 1.5);
		this.s.complete(this.s.volunteer, needId, hours)
			.path("completeNeed.status").entity(String.class).isEqualTo("COMPLETED")
			.path("completeNeed.participants[0].hours").entity(Double.class).isEqualTo(1.5);

		// NeedCompleted reached a transactional listener, and only after the commit.
		List<NeedEventRecorder.Seen<NeedCompleted>> completed = this.recorder.completedOf(id);
		assertThat(completed).hasSize(1);
		assertThat(completed.get(0).statusOnOtherConnection()).isEqualTo("COMPLETED");
		assertThat(completed.get(0).event().stationId()).isEqualTo(this.s.tree.station());
		assertThat(completed.get(0).event().participants()).singleElement().satisfies(p -> {
			assertThat(p.userId()).isEqualTo(this.s.volunteer.userId());
			assertThat(p.hours()).isEqualByComparingTo(new BigDecimal("1.5"));
		});

		// 评单
		ApiErrors.expectCode(this.s.rate(this.s.volunteer, needId, 5), "FORBIDDEN");
		this.s.rate(this.s.resident, needId, 5).path("rateNeed.status").entity(String.class).isEqualTo("RATED")
			.path("rateNeed.ratingStars").entity(Integer.class).isEqualTo(5);
		assertThat(this.recorder.ratedOf(id)).singleElement().satisfies(seen -> {
			assertThat(seen.statusOnOtherConnection()).isEqualTo("RATED");
			assertThat(seen.event().stars()).isEqualTo(5);
		});
		ApiErrors.expectCode(this.s.rate(this.s.resident, needId, 4), "NEED_INVALID_STATE");

		// The resident's timeline: one row per transition, in order, with who and why.
		var need = this.s.need(this.s.resident, needId);
		need.path("need.timeline[*].toStatus").entityList(String.class)
			.containsExactly("SUBMITTED", "PUBLISHED", "DISPATCHED", "PUBLISHED", "DISPATCHED", "ACCEPTED",
					"IN_PROGRESS", "COMPLETED", "RATED");
		need.path("need.timeline[*].fromStatus").entityList(String.class)
			.containsExactly(null, "SUBMITTED", "PUBLISHED", "DISPATCHED", "PUBLISHED", "DISPATCHED", "ACCEPTED",
					"IN_PROGRESS", "COMPLETED");
		need.path("need.timeline[0].fromStatus").valueIsNull();
		need.path("need.timeline[3].note").entity(String.class).isEqualTo("本周队员都在防汛")
			.path("need.timeline[3].actorUserId").entity(String.class).isEqualTo(Long.toString(this.s.leader.userId()))
			.path("need.timeline[1].actorUserId").entity(String.class).isEqualTo(Long.toString(this.s.admin.userId()));
		assertThat(this.s.count("SELECT COUNT(*) FROM need_history WHERE need_id = ?", id)).isEqualTo(9);
	}

	@Test
	void claimFromTheWishWallByVolunteerOrTeamLeader() {
		String forVolunteer = this.s.published("陪老人去医院");
		this.s.claim(this.s.volunteer, forVolunteer, null).path("claimNeed.status").entity(String.class)
			.isEqualTo("CLAIMED")
			.path("claimNeed.assignedUserId").entity(String.class).isEqualTo(Long.toString(this.s.volunteer.userId()));
		this.s.byNeed(this.s.volunteer, "startNeed", forVolunteer).path("startNeed.status").entity(String.class)
			.isEqualTo("IN_PROGRESS");

		String forTeam = this.s.published("打扫楼道");
		ApiErrors.expectCode(this.s.claim(this.s.member, forTeam, this.s.teamId), "FORBIDDEN");
		this.s.claim(this.s.leader, forTeam, this.s.teamId).path("claimNeed.assignedTeamId").entity(String.class)
			.isEqualTo(this.s.teamId);
		ApiErrors.expectCode(this.s.claim(this.s.volunteer, forTeam, null), "NEED_ALREADY_TAKEN");
		this.s.byNeed(this.s.leader, "startNeed", forTeam).path("startNeed.status").entity(String.class)
			.isEqualTo("IN_PROGRESS");
		// Participants of a team's need must be its members.
		Map<Long, Double> outsider = Map.of(this.s.volunteer.userId(), 2.0);
		ApiErrors.expectCode(this.s.complete(this.s.leader, forTeam, outsider), "TEAM_NOT_MEMBER");
		Map<Long, Double> team = new LinkedHashMap<>();
		team.put(this.s.leader.userId(), 2.0);
		team.put(this.s.member.userId(), 2.0);
		this.s.complete(this.s.leader, forTeam, team).path("completeNeed.participants[*].userId")
			.entityList(String.class).hasSize(2);

		// An untrained volunteer and a plain resident cannot claim (先培训再上岗).
		String another = this.s.published("代买药品");
		ApiErrors.expectCode(this.s.claim(this.s.volunteer("untrained"), another, null), "NEED_ASSIGNEE_NOT_ELIGIBLE");
		ApiErrors.expectCode(this.s.claim(this.s.resident, another, null), "NEED_ASSIGNEE_NOT_ELIGIBLE");
	}

	@Test
	void rejectCancelAndIllegalMoves() {
		String rejected = this.s.submitted("广告内容");
		ApiErrors.expectCode(this.s.claim(this.s.volunteer, rejected, null), "NEED_INVALID_STATE");
		this.s.withReason(this.s.admin, "rejectNeed", rejected, "不属于志愿服务范围")
			.path("rejectNeed.status").entity(String.class).isEqualTo("REJECTED")
			.path("rejectNeed.timeline[1].note").entity(String.class).isEqualTo("不属于志愿服务范围");
		ApiErrors.expectCode(this.s.byNeed(this.s.admin, "publishNeed", rejected), "NEED_INVALID_STATE");
		// Not public: other users do not see it at all.
		this.s.need(this.s.volunteer, rejected).path("need").valueIsNull();

		String cancelled = this.s.published("修自行车");
		this.s.dispatch(this.s.admin, cancelled, this.s.teamId, null);
		ApiErrors.expectCode(this.s.withReason(this.s.volunteer, "cancelNeed", cancelled, "x"), "FORBIDDEN");
		this.s.withReason(this.s.resident, "cancelNeed", cancelled, "已自己修好")
			.path("cancelNeed.status").entity(String.class).isEqualTo("CANCELLED")
			.path("cancelNeed.assignedTeamId").valueIsNull();
		ApiErrors.expectCode(this.s.byNeed(this.s.leader, "acceptNeed", cancelled), "FORBIDDEN");
		ApiErrors.expectCode(this.s.dispatch(this.s.admin, cancelled, this.s.teamId, null), "NEED_INVALID_STATE");

		// Dispatch needs exactly one eligible assignee.
		String open = this.s.published("教老人用智能手机");
		ApiErrors.expectCode(this.s.dispatch(this.s.admin, open, null, null), "BAD_REQUEST");
		// An untrained volunteer (the scenario's team member is trained: members serve as participants).
		Session untrained = this.s.volunteer("untrained");
		ApiErrors.expectCode(this.s.dispatch(this.s.admin, open, null, untrained.userId()),
				"NEED_ASSIGNEE_NOT_ELIGIBLE");
		ApiErrors.expectCode(this.s.dispatch(this.s.admin, open, null, this.s.resident.userId()),
				"NEED_ASSIGNEE_NOT_ELIGIBLE");
		ApiErrors.expectCode(this.s.byNeed(this.s.volunteer, "startNeed", open), "FORBIDDEN");
	}

	/**
	 * 点单 is what the station reviews and counts: an order sent again with its key (a double tap, the
	 * client's retry of a 503 whose commit went through, ten at once) makes one need and every send answers
	 * it; the key for another order is refused; another resident's key of the same string is theirs; a
	 * resident sending an assisted entry (staff only) with the admin's key gets FORBIDDEN, not the admin's need.
	 */
	@Test
	void anOrderSentAgainWithItsKeyIsSubmittedOnce() throws Exception {
		String title = Fixtures.unique("重发");
		Map<String, Object> input = this.s.input(title);
		input.put("idempotencyKey", "need-key-0001");
		List<GraphQlTester.Response> answers = Race.times(10, () -> this.s.submit(this.s.resident, input));
		List<String> ids = answers.stream().map(answer -> answer.path("submitNeed.id").entity(String.class).get())
			.toList();
		assertThat(ids).hasSize(10).containsOnly(ids.get(0));
		this.s.submit(this.s.resident, input).path("submitNeed.id").entity(String.class).isEqualTo(ids.get(0))
			.path("submitNeed.status").entity(String.class).isEqualTo("SUBMITTED");
		assertThat(this.s.count("SELECT COUNT(*) FROM need WHERE title = ?", title)).isEqualTo(1);
		assertThat(this.s.count("SELECT COUNT(*) FROM need_history WHERE need_id = ?", Long.parseLong(ids.get(0))))
			.isEqualTo(1);

		Map<String, Object> other = new LinkedHashMap<>(input);
		other.put("description", "换了一件事");
		ApiErrors.expectCode(this.s.submit(this.s.resident, other), "IDEMPOTENCY_KEY_REUSED");
		Session neighbour = this.s.api.login(Fixtures.unique("resident"));
		this.s.submit(neighbour, input).path("submitNeed.id").entity(String.class).isNotEqualTo(ids.get(0));
		assertThat(this.s.count("SELECT COUNT(*) FROM need WHERE title = ?", title)).isEqualTo(2);

		Map<String, Object> assisted = new LinkedHashMap<>(input);
		assisted.put("source", "HOTLINE");
		assisted.put("consentNote", "电话中征得本人同意代为登记");
		assisted.put("idempotencyKey", "need-key-0002");
		String entered = this.s.submit(this.s.admin, assisted).path("submitNeed.id").entity(String.class).get();
		ApiErrors.expectCode(this.s.submit(this.s.resident, assisted), "FORBIDDEN");
		this.s.submit(this.s.admin, assisted).path("submitNeed.id").entity(String.class).isEqualTo(entered);
		assertThat(this.s.count("SELECT COUNT(*) FROM need WHERE title = ?", title)).isEqualTo(3);
	}

	@Test
	void assistedOrderingByStaffOnly() {
		Map<String, Object> input = this.s.input("热线：独居老人需要送餐");
		input.put("source", "HOTLINE");
		input.put("consentNote", "电话中征得本人同意代为登记");
		ApiErrors.expectCode(this.s.submit(this.s.resident, input), "FORBIDDEN");
		var response = this.s.submit(this.s.admin, input);
		response.path("submitNeed.source").entity(String.class).isEqualTo("HOTLINE")
			.path("submitNeed.consentNote").entity(String.class).isEqualTo("电话中征得本人同意代为登记");
		String needId = response.path("submitNeed.id").entity(String.class).get();
		assertThat(this.s.count("SELECT COUNT(*) FROM need WHERE id = ? AND resident_user_id IS NULL AND created_by = ?",
				Long.parseLong(needId), this.s.admin.userId())).isEqualTo(1);

		Map<String, Object> noConsent = this.s.input("走访：无同意说明");
		noConsent.put("source", "VISIT");
		ApiErrors.expectCode(this.s.submit(this.s.admin, noConsent), "BAD_REQUEST");
	}

	@Test
	void nearestOpenStationWhenNoneChosen() {
		// A station created through the API is in the GEO index; put it somewhere no other test uses.
		double lat = 20 + Math.random() * 20;
		double lon = 90 + Math.random() * 20;
		var created = this.s.api.as(this.s.admin).documentName("createOrgUnit")
			.variable("input", Map.of("parentId", Long.toString(this.s.tree.institute()), "level", "STATION", "name",
					"柴墟村新时代文明实践站", "latitude", lat, "longitude", lon))
			.execute();
		// A station admin cannot create under the institute: arrange an institute admin for that.
		if (ApiErrors.codeOf(created) != null) {
			var instituteAdmin = this.s.api.login(cn.wenming.practice.testinfra.Fixtures.unique("inst"));
			this.s.fixtures.grant(instituteAdmin.userId(), "INSTITUTE_ADMIN", this.s.tree.institute());
			created = this.s.api.as(instituteAdmin).documentName("createOrgUnit")
				.variable("input", Map.of("parentId", Long.toString(this.s.tree.institute()), "level", "STATION",
						"name", "柴墟村新时代文明实践站", "latitude", lat, "longitude", lon))
				.execute();
		}
		String stationId = created.path("createOrgUnit.id").entity(String.class).get();
		// The GEO index learns of the station from an after-commit listener: a submission right after
		// the creation could come first (it did, once, on a loaded machine).
		AfterCommit.awaitListeners(this.jdbc);
		Map<String, Object> input = this.s.input("附近站点");
		input.remove("stationId");
		input.put("latitude", lat + 0.001);
		input.put("longitude", lon + 0.001);
		this.s.submit(this.s.resident, input).path("submitNeed.stationId").entity(String.class).isEqualTo(stationId)
			.path("submitNeed.stationName").entity(String.class).isEqualTo("柴墟村新时代文明实践站");

		// Far from every station: a clear code, nothing stored.
		int before = this.s.count("SELECT COUNT(*) FROM need WHERE created_by = ?", this.s.resident.userId());
		input.put("latitude", -80.0);
		input.put("longitude", -170.0);
		ApiErrors.expectCode(this.s.submit(this.s.resident, input), "NEED_NO_STATION_NEARBY");
		assertThat(this.s.count("SELECT COUNT(*) FROM need WHERE created_by = ?", this.s.resident.userId()))
			.isEqualTo(before);
	}

	@Test
	void aStationWithOpenNeedsCannotBeClosed() {
		var instituteAdmin = this.s.api.login(cn.wenming.practice.testinfra.Fixtures.unique("inst"));
		this.s.fixtures.grant(instituteAdmin.userId(), "INSTITUTE_ADMIN", this.s.tree.institute());
		// The scenario's team also blocks closing; disband it so only the need is in the way.
		this.s.api.as(this.s.admin).documentName("disbandTeam").variable("teamId", this.s.teamId).execute()
			.path("disbandTeam.status").entity(String.class).isEqualTo("DISBANDED");
		String needId = this.s.submitted("等待审核的需求");
		var refused = this.s.api.as(instituteAdmin).documentName("closeOrgUnit")
			.variable("id", Long.toString(this.s.tree.station())).execute();
		ApiErrors.expectCode(refused, "ORG_UNIT_HAS_OPEN_WORK");
		this.s.withReason(this.s.resident, "cancelNeed", needId, "不需要了");
		this.s.api.as(instituteAdmin).documentName("closeOrgUnit").variable("id", Long.toString(this.s.tree.station()))
			.execute().path("closeOrgUnit.status").entity(String.class).isEqualTo("CLOSED");
		ApiErrors.expectCode(this.s.submit(this.s.resident, this.s.input("站已关闭")), "ORG_UNIT_CLOSED");
	}

	@Test
	void listsPageNewestFirstAndFilterByStatus() {
		String first = this.s.submitted("第一条");
		String second = this.s.published("第二条");
		String third = this.s.submitted("第三条");
		var page = this.s.api.as(this.s.resident).documentName("myNeeds").variable("first", 2).execute();
		page.path("myNeeds.edges[*].node.id").entityList(String.class).containsExactly(third, second)
			.path("myNeeds.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		String cursor = page.path("myNeeds.pageInfo.endCursor").entity(String.class).get();
		this.s.api.as(this.s.resident).documentName("myNeeds").variable("first", 2).variable("after", cursor).execute()
			.path("myNeeds.edges[*].node.id").entityList(String.class).containsExactly(first)
			.path("myNeeds.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);

		this.s.api.as(this.s.admin).documentName("stationNeeds").variable("orgUnitId", Long.toString(this.s.tree.station()))
			.variable("status", "SUBMITTED").execute()
			.path("stationNeeds.edges[*].node.id").entityList(String.class).containsExactly(third, first);
		this.s.api.anonymous().documentName("wishWall").variable("orgUnitId", Long.toString(this.s.tree.center()))
			.execute().path("wishWall.edges[*].node.id").entityList(String.class).containsExactly(second);
		ApiErrors.expectCode(this.s.api.as(this.s.resident).documentName("myNeeds").variable("first", 101).execute(),
				"BAD_REQUEST");
	}

	@Test
	void categoriesAreEditedByCenterAdminsOnly() {
		this.s.api.anonymous().documentName("needCategories").execute()
			.path("needCategories[*].name").entityList(String.class)
			.contains("生活服务", "文化文艺", "卫生健康", "科技服务", "教育服务", "法律服务", "心理关爱", "助老服务", "助残服务",
					"关爱儿童", "环境保护", "平安建设", "其他");
		var center = this.s.api.login(cn.wenming.practice.testinfra.Fixtures.unique("center"));
		this.s.fixtures.grant(center.userId(), "CENTER_ADMIN", this.s.tree.center());
		String name = cn.wenming.practice.testinfra.Fixtures.unique("类");
		ApiErrors.expectCode(this.s.api.as(this.s.admin).documentName("addNeedCategory").variable("name", name).execute(),
				"FORBIDDEN");
		String id = this.s.api.as(center).documentName("addNeedCategory").variable("name", name).execute()
			.path("addNeedCategory.id").entity(String.class).get();
		ApiErrors.expectCode(this.s.api.as(center).documentName("addNeedCategory").variable("name", name).execute(),
				"NEED_CATEGORY_NAME_TAKEN");
		String renamed = cn.wenming.practice.testinfra.Fixtures.unique("新");
		this.s.api.as(center).documentName("renameNeedCategory").variable("id", id).variable("name", renamed).execute()
			.path("renameNeedCategory.name").entity(String.class).isEqualTo(renamed);
		this.s.api.as(center).documentName("disableNeedCategory").variable("id", id).execute()
			.path("disableNeedCategory.enabled").entity(Boolean.class).isEqualTo(false);
		this.s.api.anonymous().documentName("needCategories").execute()
			.path("needCategories[*].id").entityList(String.class).doesNotContain(id);
		this.s.api.as(center).documentName("needCategories").variable("includeDisabled", true).execute()
			.path("needCategories[*].id").entityList(String.class).contains(id);
		// A disabled category takes no new needs.
		Map<String, Object> input = this.s.input("停用类别");
		input.put("categoryId", id);
		ApiErrors.expectCode(this.s.submit(this.s.resident, input), "NEED_CATEGORY_UNKNOWN");

		// A disable is undone by the center (the console's 需求类别 screen): the category is offered again.
		ApiErrors.expectCode(
				this.s.api.as(this.s.admin).documentName("enableNeedCategory").variable("id", id).execute(),
				"FORBIDDEN");
		this.s.api.as(center).documentName("enableNeedCategory").variable("id", id).execute()
			.path("enableNeedCategory.enabled").entity(Boolean.class).isEqualTo(true);
		this.s.api.anonymous().documentName("needCategories").execute()
			.path("needCategories[*].id").entityList(String.class).contains(id);
		this.s.submit(this.s.resident, input).path("submitNeed.category.id").entity(String.class).isEqualTo(id);
		ApiErrors.expectCode(
				this.s.api.as(center).documentName("enableNeedCategory").variable("id", "999999999").execute(),
				"NEED_CATEGORY_UNKNOWN");
		// The dictionary is every test's (no unit column): the test's category does not stay on offer.
		this.s.api.as(center).documentName("disableNeedCategory").variable("id", id).execute()
			.path("disableNeedCategory.enabled").entity(Boolean.class).isEqualTo(false);
	}

	@Test
	void categoryNamesAreCheckedWithClearCodes() {
		var center = this.s.api.login(cn.wenming.practice.testinfra.Fixtures.unique("center"));
		this.s.fixtures.grant(center.userId(), "CENTER_ADMIN", this.s.tree.center());
		ApiErrors.expectBadField(
				this.s.api.as(center).documentName("addNeedCategory").variable("name", "   ").execute(), "name");
		ApiErrors.expectBadField(
				this.s.api.as(center).documentName("addNeedCategory").variable("name", "类".repeat(21)).execute(),
				"name");
		String name = cn.wenming.practice.testinfra.Fixtures.unique("类");
		String id = this.s.api.as(center).documentName("addNeedCategory").variable("name", " " + name + " ").execute()
			.path("addNeedCategory.name").entity(String.class).isEqualTo(name)
			.path("addNeedCategory.id").entity(String.class).get();
		ApiErrors.expectBadField(
				this.s.api.as(center).documentName("renameNeedCategory").variable("id", id).variable("name", "").execute(),
				"name");
		// Another category's name, also one differing only in surrounding spaces, is taken.
		ApiErrors.expectCode(this.s.api.as(center).documentName("renameNeedCategory").variable("id", id)
			.variable("name", " 生活服务").execute(), "NEED_CATEGORY_NAME_TAKEN");
		ApiErrors.expectCode(
				this.s.api.as(center).documentName("addNeedCategory").variable("name", name + "  ").execute(),
				"NEED_CATEGORY_NAME_TAKEN");
		this.s.api.as(center).documentName("disableNeedCategory").variable("id", id).execute()
			.path("disableNeedCategory.enabled").entity(Boolean.class).isEqualTo(false);
	}

}
