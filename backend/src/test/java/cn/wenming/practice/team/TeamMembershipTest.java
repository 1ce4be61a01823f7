package cn.wenming.practice.team;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.DeleteMarkedKey;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.Scenario;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The join-request flow end to end over HTTP: request, review, approve or decline, leave, remove, races. */
@IntegrationTest
class TeamMembershipTest {

	@Autowired
	JdbcTemplate jdbc;

	@Scenario
	TeamScenario s;

	private int memberRows(String teamId, long userId) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM team_member WHERE team_id = ? AND user_id = ?",
				Integer.class, Long.parseLong(teamId), userId);
	}

	@Test
	void requestApproveAndMembership() {
		this.s.team(this.s.leader, this.s.teamId)
			.path("team.memberCount").entity(Integer.class).isEqualTo(1)
			.path("team.leader.userId").entity(String.class).isEqualTo(Long.toString(this.s.leader.userId()))
			.path("team.leader.role").entity(String.class).isEqualTo("LEADER");

		Session applicant = this.s.volunteer("applicant");
		var requested = this.s.requestToJoin(applicant, this.s.teamId);
		requested.path("requestToJoinTeam.status").entity(String.class).isEqualTo("PENDING");
		requested.path("requestToJoinTeam.applicant.maskedName").entity(String.class).isEqualTo("张*");
		String requestId = requested.path("requestToJoinTeam.id").entity(String.class).get();

		// The leader sees it among the pending requests.
		this.s.api.as(this.s.leader).documentName("teamJoinRequests").variable("teamId", this.s.teamId).execute()
			.path("teamJoinRequests.edges[*].node.id").entityList(String.class).containsExactly(requestId)
			.path("teamJoinRequests.edges[0].node.applicantUserId").entity(String.class)
			.isEqualTo(Long.toString(applicant.userId()))
			.path("teamJoinRequests.edges[0].node.message").entity(String.class).isEqualTo("我会游泳，想加入");

		this.s.approve(this.s.leader, requestId).path("approveJoinRequest.status").entity(String.class).isEqualTo("APPROVED");

		var team = this.s.team(applicant, this.s.teamId);
		team.path("team.memberCount").entity(Integer.class).isEqualTo(2);
		team.path("team.members[*].userId").entityList(String.class)
			.containsExactly(Long.toString(this.s.leader.userId()), Long.toString(applicant.userId()));
		team.path("team.members[1].role").entity(String.class).isEqualTo("MEMBER");
		this.s.api.as(applicant).documentName("myTeams").execute()
			.path("myTeams[*].id").entityList(String.class).contains(this.s.teamId);
		this.s.api.as(this.s.leader).documentName("teamMembers").variable("teamId", this.s.teamId).execute()
			.path("teamMembers.edges").entityList(Object.class).hasSize(2);

		ApiErrors.expectCode(this.s.requestToJoin(applicant, this.s.teamId), "TEAM_ALREADY_MEMBER");
		ApiErrors.expectCode(this.s.requestToJoin(this.s.leader, this.s.teamId), "TEAM_ALREADY_MEMBER");
		ApiErrors.expectCode(this.s.approve(this.s.leader, requestId), "TEAM_JOIN_REQUEST_CLOSED");
		ApiErrors.expectCode(this.s.decline(this.s.admin, requestId, "晚了"), "TEAM_JOIN_REQUEST_CLOSED");
		this.s.api.as(this.s.leader).documentName("teamJoinRequests").variable("teamId", this.s.teamId).execute()
			.path("teamJoinRequests.edges").entityList(Object.class).hasSize(0);
		assertThat(memberRows(this.s.teamId, applicant.userId())).isEqualTo(1);
	}

	@Test
	void onePendingRequestAtATimeAndDecline() {
		Session applicant = this.s.volunteer("decline");
		String requestId = this.s.requestId(applicant, this.s.teamId);
		ApiErrors.expectCode(this.s.requestToJoin(applicant, this.s.teamId), "TEAM_JOIN_REQUEST_PENDING");

		this.s.decline(this.s.admin, requestId, "本队暂不招新")
			.path("declineJoinRequest.status").entity(String.class).isEqualTo("DECLINED")
			.path("declineJoinRequest.decisionReason").entity(String.class).isEqualTo("本队暂不招新");
		ApiErrors.expectCode(this.s.approve(this.s.leader, requestId), "TEAM_JOIN_REQUEST_CLOSED");
		assertThat(memberRows(this.s.teamId, applicant.userId())).isZero();
		this.s.team(applicant, this.s.teamId).path("team.memberCount").entity(Integer.class).isEqualTo(1);

		// Once decided, a new request may be made.
		String second = this.s.requestId(applicant, this.s.teamId);
		assertThat(second).isNotEqualTo(requestId);
		this.s.api.as(this.s.leader).documentName("teamJoinRequestsAll").variable("teamId", this.s.teamId).execute()
			.path("teamJoinRequests.edges[*].node.status").entityList(String.class).containsExactly("DECLINED", "PENDING");
	}

	@Test
	void onlyRegisteredVolunteersMayRequest() {
		Session resident = this.s.api.login(Fixtures.unique("resident"));
		ApiErrors.expectCode(this.s.requestToJoin(resident, this.s.teamId), "VOLUNTEER_REQUIRED");
		ApiErrors.expectCode(this.s.requestToJoin(this.s.volunteer("nf"), "999999999"), "NOT_FOUND");
	}

	@Test
	void leaveAndRemove() {
		Session first = this.s.volunteer("m1");
		Session second = this.s.volunteer("m2");
		this.s.approve(this.s.leader, this.s.requestId(first, this.s.teamId)).path("approveJoinRequest.id").hasValue();
		this.s.approve(this.s.admin, this.s.requestId(second, this.s.teamId)).path("approveJoinRequest.id").hasValue();
		this.s.team(first, this.s.teamId).path("team.memberCount").entity(Integer.class).isEqualTo(3);

		// A member leaves; the leader cannot; a stranger is not a member.
		this.s.api.as(first).documentName("leaveTeam").variable("teamId", this.s.teamId).execute()
			.path("leaveTeam.memberCount").entity(Integer.class).isEqualTo(2);
		assertThat(memberRows(this.s.teamId, first.userId())).isZero();
		ApiErrors.expectCode(this.s.api.as(first).documentName("leaveTeam").variable("teamId", this.s.teamId).execute(),
				"TEAM_NOT_MEMBER");
		ApiErrors.expectCode(this.s.api.as(this.s.leader).documentName("leaveTeam").variable("teamId", this.s.teamId)
			.execute(), "TEAM_LEADER_CANNOT_LEAVE");

		// A plain member cannot remove others; the leader can; nobody removes the leader.
		Session third = this.s.volunteer("m3");
		this.s.approve(this.s.leader, this.s.requestId(third, this.s.teamId)).path("approveJoinRequest.id").hasValue();
		ApiErrors.expectCode(remove(third, second.userId()), "FORBIDDEN");
		remove(this.s.leader, second.userId()).path("removeTeamMember.members[*].userId").entityList(String.class)
			.containsExactly(Long.toString(this.s.leader.userId()), Long.toString(third.userId()));
		ApiErrors.expectCode(remove(this.s.leader, second.userId()), "TEAM_NOT_MEMBER");
		ApiErrors.expectCode(remove(this.s.admin, this.s.leader.userId()), "TEAM_LEADER_CANNOT_LEAVE");
		assertThat(memberRows(this.s.teamId, this.s.leader.userId())).isEqualTo(1);
		// A removed member may ask again.
		this.s.requestToJoin(second, this.s.teamId).path("requestToJoinTeam.status").entity(String.class).isEqualTo("PENDING");
	}

	private GraphQlTester.Response remove(Session as, long userId) {
		return this.s.api.as(as).documentName("removeTeamMember").variable("teamId", this.s.teamId)
			.variable("userId", Long.toString(userId)).execute();
	}

	@Test
	void concurrentApprovalsAndDeclinesDecideOnce() throws Exception {
		Session applicant = this.s.volunteer("race");
		String requestId = this.s.requestId(applicant, this.s.teamId);
		int threads = 16;
		List<Callable<String>> calls = new ArrayList<>();
		for (int i = 0; i < threads; i++) {
			Session decider = (i % 2 == 0) ? this.s.leader : this.s.admin;
			boolean approve = (i % 4) < 2;
			calls.add(() -> {
				GraphQlTester.Response response = approve ? this.s.approve(decider, requestId)
						: this.s.decline(decider, requestId, "名额已满");
				String code = ApiErrors.codeOf(response);
				return (code != null) ? code : (approve ? "APPROVED" : "DECLINED");
			});
		}
		List<String> outcomes = race(calls);
		List<String> wins = outcomes.stream().filter(o -> o.equals("APPROVED") || o.equals("DECLINED")).toList();
		assertThat(wins).hasSize(1);
		assertThat(outcomes).filteredOn(o -> !wins.contains(o)).hasSize(threads - 1).containsOnly("TEAM_JOIN_REQUEST_CLOSED");
		String status = this.jdbc.queryForObject("SELECT status FROM team_join_request WHERE id = ?", String.class,
				Long.parseLong(requestId));
		assertThat(status).isEqualTo(wins.get(0));
		assertThat(memberRows(this.s.teamId, applicant.userId())).isEqualTo(wins.get(0).equals("APPROVED") ? 1 : 0);
	}

	@Test
	void concurrentApprovalsMakeOneMembership() throws Exception {
		Session applicant = this.s.volunteer("race2");
		String requestId = this.s.requestId(applicant, this.s.teamId);
		List<Callable<String>> calls = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			Session decider = (i % 2 == 0) ? this.s.leader : this.s.admin;
			calls.add(() -> {
				String code = ApiErrors.codeOf(this.s.approve(decider, requestId));
				return (code != null) ? code : "APPROVED";
			});
		}
		List<String> outcomes = race(calls);
		assertThat(outcomes).filteredOn("APPROVED"::equals).hasSize(1);
		assertThat(outcomes).filteredOn(o -> !o.equals("APPROVED")).containsOnly("TEAM_JOIN_REQUEST_CLOSED");
		assertThat(memberRows(this.s.teamId, applicant.userId())).isEqualTo(1);
	}

	@Test
	void concurrentRequestsLeaveOnePending() throws Exception {
		Session applicant = this.s.volunteer("race3");
		List<Callable<String>> calls = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			calls.add(() -> {
				String code = ApiErrors.codeOf(this.s.requestToJoin(applicant, this.s.teamId));
				return (code != null) ? code : "OK";
			});
		}
		List<String> outcomes = race(calls);
		assertThat(outcomes).filteredOn("OK"::equals).hasSize(1);
		assertThat(outcomes).filteredOn(o -> !o.equals("OK")).containsOnly("TEAM_JOIN_REQUEST_PENDING");
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM team_join_request WHERE team_id = ? AND user_id = ? AND status = 'PENDING'",
				Integer.class, Long.parseLong(this.s.teamId), applicant.userId())).isEqualTo(1);
	}

	/**
	 * Requests at once (a double tap) after a declined one: its entry in the open-request key is
	 * delete-marked, every insert share-locks it, and they deadlock (DeleteMarkedKey makes it
	 * certain); the victims used to answer CONFLICT.
	 */
	@Test
	void concurrentRequestsAfterADeclineLeaveOnePending() throws Exception {
		Session applicant = this.s.volunteer("race4");
		Callable<String> request = () -> {
			String code = ApiErrors.codeOf(this.s.requestToJoin(applicant, this.s.teamId));
			return (code != null) ? code : "OK";
		};
		for (int round = 1; round <= 3; round++) {
			String previous = this.s.requestId(applicant, this.s.teamId);
			List<String> outcomes;
			try (DeleteMarkedKey held = DeleteMarkedKey.hold(this.jdbc.getDataSource())) {
				this.s.decline(this.s.leader, previous, "下次再来")
					.path("declineJoinRequest.status")
					.entity(String.class)
					.isEqualTo("DECLINED");
				outcomes = held.race("""
						SELECT id FROM team_join_request FORCE INDEX (uk_join_request_open)
						WHERE team_id = ? AND user_id = ? LOCK IN SHARE MODE""",
						List.of(Long.parseLong(this.s.teamId), applicant.userId()), Collections.nCopies(10, request));
			}
			assertThat(outcomes).as("round %d", round).filteredOn("OK"::equals).hasSize(1);
			assertThat(outcomes).as("round %d", round)
				.filteredOn(o -> !o.equals("OK"))
				.containsOnly("TEAM_JOIN_REQUEST_PENDING");
			String pending = this.jdbc.queryForObject(
					"SELECT id FROM team_join_request WHERE team_id = ? AND user_id = ? AND status = 'PENDING'",
					String.class, Long.parseLong(this.s.teamId), applicant.userId());
			this.s.decline(this.s.leader, pending, "名额已满");
		}
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM team_join_request WHERE team_id = ? AND user_id = ? AND status = 'DECLINED'",
				Integer.class, Long.parseLong(this.s.teamId), applicant.userId())).isEqualTo(6);
	}

	/** Runs every call at once (released by one latch) and returns their results. */
	static List<String> race(List<Callable<String>> calls) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(calls.size());
		List<String> outcomes = Collections.synchronizedList(new ArrayList<>());
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (Callable<String> call : calls) {
				futures.add(pool.submit(() -> {
					start.await();
					outcomes.add(call.call());
					return null;
				}));
			}
			start.countDown();
			for (Future<?> future : futures) {
				future.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(outcomes).hasSize(calls.size());
		return outcomes;
	}

}
