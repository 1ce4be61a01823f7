package cn.wenming.practice.need;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.notification.NotificationProbe;
import cn.wenming.practice.notification.NotificationProbe.Row;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.MutableClock;
import cn.wenming.practice.testinfra.Scenario;
import cn.wenming.practice.testinfra.WechatStub;
import cn.wenming.practice.testinfra.WechatStub.SubscribeAnswer;
import cn.wenming.practice.testinfra.WechatStub.SubscribeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import static cn.wenming.practice.testinfra.AfterCommit.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Subscribe messages through the real need workflow: each kind reaches the right person with the
 * right page and data, as WeChat (the stub) received it; a failed move writes nothing; WeChat being
 * down never holds up or undoes the change, and the retry job gives up after the configured attempts.
 */
@IntegrationTest
class NeedNotificationTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	MutableClock clock;

	@Autowired
	NeedDeadlines deadlines;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	NeedEventRecorder recorder;

	@Scenario
	NeedScenario s;

	NotificationProbe probe;

	@BeforeEach
	void setUp() {
		this.probe = new NotificationProbe(this.context, this.s.api);
	}

	@Test
	void residentHearsThatTheNeedWasPublishedOrRejected() {
		this.probe.accept(this.s.resident, "NEED_PUBLISHED", "NEED_REJECTED");
		this.probe.accept(this.s.admin, "NEED_PUBLISHED", "NEED_REJECTED");
		String title = Fixtures.unique("灯不亮");
		String published = this.s.published(title);

		SubscribeMessage message = sentOnce(this.s.resident, "NEED_PUBLISHED", published);
		assertThat(message.templateId()).isEqualTo("test-need-published");
		assertThat(message.page()).isEqualTo("pages/need/need?id=" + published);
		assertThat(message.data()).containsEntry("thing1", title).containsEntry("phrase2", "已发布").containsKey("time3");

		String rejected = this.s.submitted(Fixtures.unique("不合适"));
		this.s.withReason(this.s.admin, "rejectNeed", rejected, "不属于服务范围").path("rejectNeed.status")
			.entity(String.class).isEqualTo("REJECTED");
		message = sentOnce(this.s.resident, "NEED_REJECTED", rejected);
		assertThat(message.page()).isEqualTo("pages/need/need?id=" + rejected);
		assertThat(message.data()).containsEntry("thing3", "不属于服务范围");

		// A move that is refused changes nothing and announces nothing.
		ApiErrors.expectCode(this.s.withReason(this.s.admin, "rejectNeed", published, "再拒一次"), "NEED_INVALID_STATE");
		assertThat(this.probe.rows(this.s.resident.userId(), "NEED_REJECTED")).extracting(Row::objectId)
			.containsExactly(Long.parseLong(rejected));
		// Only the resident is told; the admin who acted is not.
		assertThat(this.probe.rows(this.s.admin.userId(), "NEED_PUBLISHED")).isEmpty();
		assertThat(this.probe.received(this.s.admin.userId())).isEmpty();
	}

	@Test
	void dispatchToATeamTellsItsLeaderThenTheResidentHearsOfAcceptanceAndCompletion() {
		this.probe.accept(this.s.leader, "NEED_DISPATCHED");
		this.probe.accept(this.s.member, "NEED_DISPATCHED");
		this.probe.accept(this.s.resident, "NEED_ACCEPTED", "NEED_COMPLETED");
		String id = this.s.published(Fixtures.unique("助老"));

		this.s.dispatch(this.s.admin, id, this.s.teamId, null).path("dispatchNeed.status").entity(String.class)
			.isEqualTo("DISPATCHED");
		SubscribeMessage dispatched = sentOnce(this.s.leader, "NEED_DISPATCHED", id);
		assertThat(dispatched.page()).isEqualTo("pages/need/need?id=" + id);
		assertThat(dispatched.data()).containsEntry("thing3", "请及时接单").containsKey("time2");
		assertThat(this.probe.rows(this.s.member.userId(), "NEED_DISPATCHED")).isEmpty();

		this.s.byNeed(this.s.leader, "acceptNeed", id).path("acceptNeed.status").entity(String.class).isEqualTo("ACCEPTED");
		assertThat(sentOnce(this.s.resident, "NEED_ACCEPTED", id).page()).isEqualTo("pages/need/need?id=" + id);

		this.s.byNeed(this.s.leader, "startNeed", id).path("startNeed.status").entity(String.class).isEqualTo("IN_PROGRESS");
		this.s.complete(this.s.leader, id, Map.of(this.s.member.userId(), 2.0)).path("completeNeed.status")
			.entity(String.class).isEqualTo("COMPLETED");
		SubscribeMessage completed = sentOnce(this.s.resident, "NEED_COMPLETED", id);
		// The completion message opens the rating page: it asks the resident to rate.
		assertThat(completed.page()).isEqualTo("pages/need/need?id=" + id);
		assertThat(completed.data()).containsEntry("thing3", "请为本次服务评价");
		assertThat(this.probe.received(this.s.resident.userId())).extracting(SubscribeMessage::templateId)
			.containsExactly("test-need-accepted", "test-need-completed");
	}

	@Test
	void dispatchToAVolunteerTellsThatVolunteer() {
		this.probe.accept(this.s.volunteer, "NEED_DISPATCHED");
		String id = this.s.published(Fixtures.unique("修电路"));
		this.s.dispatch(this.s.admin, id, null, this.s.volunteer.userId()).path("dispatchNeed.status")
			.entity(String.class).isEqualTo("DISPATCHED");
		SubscribeMessage message = sentOnce(this.s.volunteer, "NEED_DISPATCHED", id);
		assertThat(message.toUser()).isEqualTo(this.probe.openid(this.s.volunteer.userId()));
		assertThat(message.data().get("time2")).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
		assertThat(this.probe.rows(this.s.leader.userId(), "NEED_DISPATCHED")).isEmpty();
	}

	@Test
	void anOverdueNeedTellsTheAdminsOfTheLevelItWasEscalatedTo() {
		Session institute = this.s.api.login(Fixtures.unique("inst-admin"));
		this.s.fixtures.grant(institute.userId(), "INSTITUTE_ADMIN", this.s.tree.institute());
		Session center = this.s.api.login(Fixtures.unique("center-admin"));
		this.s.fixtures.grant(center.userId(), "CENTER_ADMIN", this.s.tree.center());
		this.probe.accept(institute, "NEED_OVERDUE", "NEED_OVERDUE");
		this.probe.accept(center, "NEED_OVERDUE");
		this.probe.accept(this.s.admin, "NEED_OVERDUE");
		String id = this.s.submitted(Fixtures.unique("逾期"));

		this.clock.shift(Duration.ofDays(2).plusHours(1));
		this.deadlines.run();
		SubscribeMessage toInstitute = sentOnce(institute, "NEED_OVERDUE", id);
		assertThat(toInstitute.page()).isEqualTo("pages/need/need?id=" + id);
		assertThat(toInstitute.data()).containsEntry("thing2", "待审核逾期，已升级至所");
		assertThat(ofNeed(center, "NEED_OVERDUE", id)).isEmpty();
		assertThat(ofNeed(this.s.admin, "NEED_OVERDUE", id)).isEmpty();

		this.clock.shift(Duration.ofDays(2).plusHours(1));
		this.deadlines.run();
		assertThat(sentOnce(center, "NEED_OVERDUE", id).data()).containsEntry("thing2", "待审核逾期，已升级至中心");
		assertThat(ofNeed(institute, "NEED_OVERDUE", id)).hasSize(1);
	}

	@Test
	void aNeedLeftOnTheWishWallTellsTheInstituteItWaitsForADispatch() {
		Session institute = this.s.api.login(Fixtures.unique("inst-admin"));
		this.s.fixtures.grant(institute.userId(), "INSTITUTE_ADMIN", this.s.tree.institute());
		this.probe.accept(institute, "NEED_OVERDUE");
		String id = this.s.published(Fixtures.unique("待派单"));

		this.clock.shift(Duration.ofDays(2).plusHours(1));
		this.deadlines.run();
		SubscribeMessage message = sentOnce(institute, "NEED_OVERDUE", id);
		assertThat(message.data()).containsEntry("thing2", "待派单逾期，已升级至所");
	}

	@Test
	void eachNewNeedTellsTheStationsAdminsOnceButNotWhoEnteredIt() {
		Session otherAdmin = this.s.api.login(Fixtures.unique("need-admin-2"));
		this.s.fixtures.grant(otherAdmin.userId(), "STATION_ADMIN", this.s.tree.station());
		Session institute = this.s.api.login(Fixtures.unique("inst-admin"));
		this.s.fixtures.grant(institute.userId(), "INSTITUTE_ADMIN", this.s.tree.institute());
		// Two acceptances: a repeated event must not be able to take the second one.
		this.probe.accept(this.s.admin, "NEED_SUBMITTED");
		this.probe.accept(this.s.admin, "NEED_SUBMITTED");
		this.probe.accept(institute, "NEED_SUBMITTED");
		String title = Fixtures.unique("新需求");
		String id = this.s.submitted(title);

		SubscribeMessage message = sentOnce(this.s.admin, "NEED_SUBMITTED", id);
		assertThat(message.templateId()).isEqualTo("test-need-submitted");
		assertThat(message.page()).isEqualTo("pages/need/need?id=" + id);
		assertThat(message.data()).containsEntry("thing1", title).containsEntry("phrase2", "待审核").containsKey("time3");
		// The other station admin gave no consent: the row is skipped and WeChat gets nothing.
		assertThat(NotificationProbe.await(() -> ofNeed(otherAdmin, "NEED_SUBMITTED", id),
				rows -> rows.size() == 1 && !rows.get(0).status().equals("PENDING")))
			.extracting(Row::status).containsExactly("SKIPPED");
		assertThat(this.probe.received(otherAdmin.userId())).isEmpty();
		// Admins above the station hear of a need only when it is escalated to them.
		assertThat(ofNeed(institute, "NEED_SUBMITTED", id)).isEmpty();
		assertThat(ofNeed(this.s.resident, "NEED_SUBMITTED", id)).isEmpty();

		// The event delivered again (a resubmitted publication) and the need's later moves write nothing more.
		List<NeedSubmitted> published = this.recorder.submittedOf(Long.parseLong(id));
		assertThat(published).hasSize(1);
		this.tx.executeWithoutResult(status -> this.events.publishEvent(published.get(0)));
		this.s.byNeed(this.s.admin, "publishNeed", id).path("publishNeed.status").entity(String.class)
			.isEqualTo("PUBLISHED");
		assertThat(ofNeed(this.s.admin, "NEED_SUBMITTED", id)).hasSize(1);
		assertThat(ofNeed(otherAdmin, "NEED_SUBMITTED", id)).hasSize(1);
		assertThat(this.probe.received(this.s.admin.userId())).filteredOn(m -> m.page().endsWith("?id=" + id))
			.hasSize(1);
		assertThat(this.probe.remaining(this.s.admin.userId(), "NEED_SUBMITTED")).isEqualTo(1);

		// 代录 by a station admin: the other admin is told, the one who entered it is not.
		Map<String, Object> assisted = this.s.input(Fixtures.unique("热线代录"));
		assisted.put("source", "HOTLINE");
		assisted.put("consentNote", "群众电话同意代录");
		String entered = this.s.submit(this.s.admin, assisted).path("submitNeed.id").entity(String.class).get();
		assertThat(ofNeed(otherAdmin, "NEED_SUBMITTED", entered)).hasSize(1);
		assertThat(ofNeed(this.s.admin, "NEED_SUBMITTED", entered)).isEmpty();
	}

	@Test
	void aNewNeedHeldForReviewIsAnnouncedWithoutItsTitle() {
		this.probe.accept(this.s.admin, "NEED_SUBMITTED");
		Map<String, Object> input = this.s.input("请 REVIEW 一下" + Fixtures.unique(""));
		String id = this.s.submit(this.s.resident, input).path("submitNeed.id").entity(String.class).get();
		assertThat(this.jdbc.queryForObject("SELECT content_hold FROM need WHERE id = ?", String.class,
				Long.parseLong(id))).isEqualTo("REVIEW");
		assertThat(sentOnce(this.s.admin, "NEED_SUBMITTED", id).data()).containsEntry("thing1", "新需求（内容待审核）");
	}

	@Test
	void theNotificationIsRecordedInTheBusinessTransaction() {
		this.probe.accept(this.s.resident, "NEED_PUBLISHED");
		String id = this.s.submitted(Fixtures.unique("同一事务"));
		long needId = Long.parseLong(id);

		// The transaction fails at commit after the event was recorded for the notification trigger
		// (the registry's row, seen inside the transaction): the record goes with it, and no outbox
		// row is ever written.
		int[] seenInside = { -1 };
		assertThatIllegalStateException().isThrownBy(() -> this.tx.executeWithoutResult(status -> {
			this.events.publishEvent(new NeedPublished(needId, this.clock.instant()));
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void beforeCommit(boolean readOnly) {
					seenInside[0] = triggerPublications(needId);
					throw new IllegalStateException("the business change fails to commit");
				}
			});
		}));
		assertThat(seenInside[0]).isEqualTo(1);
		assertThat(triggerPublications(needId)).isZero();
		assertThat(ofNeed(this.s.resident, "NEED_PUBLISHED", id)).isEmpty();
		this.tx.executeWithoutResult(status -> {
			this.events.publishEvent(new NeedPublished(needId, this.clock.instant()));
			status.setRollbackOnly();
		});
		assertThat(triggerPublications(needId)).isZero();
		assertThat(ofNeed(this.s.resident, "NEED_PUBLISHED", id)).isEmpty();
		assertThat(this.probe.received(this.s.resident.userId())).isEmpty();

		// Committed: the trigger runs after the commit and the message is sent once.
		this.tx.executeWithoutResult(status -> this.events.publishEvent(new NeedPublished(needId, this.clock.instant())));
		sentOnce(this.s.resident, "NEED_PUBLISHED", id);
		eventually(() -> assertThat(triggerPublications(needId)).isZero());
	}

	/** The notification trigger's event publications for the need, as this thread's transaction sees them. */
	private int triggerPublications(long needId) {
		return this.s.count("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE LISTENER_ID LIKE ? AND SERIALIZED_EVENT LIKE ?",
				"%NotificationTriggers.on(cn.wenming.practice.need.NeedPublished)", "%\"needId\":" + needId + ",%");
	}

	@Test
	void wechatDownNeitherBlocksNorUndoesTheChangeAndTheJobRetriesUntilTheBound() {
		this.probe.accept(this.s.resident, "NEED_PUBLISHED");
		String openid = this.probe.openid(this.s.resident.userId());
		WechatStub.shared().answerSubscribe(openid, SubscribeAnswer.DOWN);
		try {
			String id = this.s.published(Fixtures.unique("断网"));
			assertThat(this.s.count("SELECT COUNT(*) FROM need WHERE id = ? AND status = 'PUBLISHED'", Long.parseLong(id)))
				.isEqualTo(1);
			// The after-commit attempt failed and was recorded; the row waits for the retry job.
			Row row = single(this.probe.await(this.s.resident.userId(), "NEED_PUBLISHED",
					rows -> rows.size() == 1 && rows.get(0).lastError() != null));
			assertThat(row.status()).isEqualTo("PENDING");
			assertThat(row.attempts()).isEqualTo(1);

			this.probe.runRetryJob();
			assertThat(single(this.probe.rows(this.s.resident.userId(), "NEED_PUBLISHED")).attempts())
				.as("not due before the backoff").isEqualTo(1);

			this.clock.shift(Duration.ofSeconds(61));
			this.probe.runRetryJob();
			row = single(this.probe.rows(this.s.resident.userId(), "NEED_PUBLISHED"));
			assertThat(row.attempts()).isEqualTo(2);
			assertThat(row.status()).isEqualTo("PENDING");

			// The second wait is twice the first.
			this.clock.shift(Duration.ofSeconds(61));
			this.probe.runRetryJob();
			assertThat(single(this.probe.rows(this.s.resident.userId(), "NEED_PUBLISHED")).attempts()).isEqualTo(2);
			this.clock.shift(Duration.ofSeconds(61));
			this.probe.runRetryJob();
			row = single(this.probe.rows(this.s.resident.userId(), "NEED_PUBLISHED"));
			assertThat(row.attempts()).isEqualTo(3);
			assertThat(row.status()).as("max-attempts is 3 in tests").isEqualTo("FAILED");

			this.clock.shift(Duration.ofHours(2));
			this.probe.runRetryJob();
			assertThat(this.probe.received(this.s.resident.userId())).hasSize(3)
				.allSatisfy(m -> assertThat(m.answer()).isEqualTo(SubscribeAnswer.DOWN));
			// Nothing was delivered, so the resident still has the acceptance for a later message.
			assertThat(this.probe.remaining(this.s.resident.userId(), "NEED_PUBLISHED")).isEqualTo(1);
		}
		finally {
			WechatStub.shared().answerSubscribe(openid, SubscribeAnswer.OK);
		}
	}

	/** Waits for the one notification of the kind about the need to the user, requires it SENT, and returns what WeChat got. */
	private SubscribeMessage sentOnce(Session user, String kind, String needId) {
		List<Row> rows = NotificationProbe.await(() -> ofNeed(user, kind, needId),
				found -> found.size() == 1 && !found.get(0).status().equals("PENDING"));
		assertThat(rows.get(0).status()).isEqualTo("SENT");
		List<SubscribeMessage> received = this.probe.received(user.userId())
			.stream()
			.filter(m -> m.templateId().equals(NotificationProbe.template(kind)) && m.page().endsWith("?id=" + needId))
			.toList();
		assertThat(received).hasSize(1);
		return received.get(0);
	}

	private List<Row> ofNeed(Session user, String kind, String needId) {
		return this.probe.rows(user.userId(), kind).stream().filter(r -> r.objectId() == Long.parseLong(needId)).toList();
	}

	private static Row single(List<Row> rows) {
		assertThat(rows).hasSize(1);
		return rows.get(0);
	}

}
