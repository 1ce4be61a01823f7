package cn.wenming.practice.volunteer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.shared.FieldCrypto;
import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.Scenario;
import cn.wenming.practice.testinfra.Volunteers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** 注册登记 over HTTP: ID number validation, encryption at rest, masking and one registration per person and ID. */
@IntegrationTest
class VolunteerRegistrationTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	FieldCrypto crypto;

	@Scenario
	Api api;

	@Scenario
	Fixtures fixtures;

	Fixtures.Tree tree;

	@BeforeEach
	void setUp() {
		this.tree = this.fixtures.tree();
	}

	private GraphQlTester.Response register(Session session, Map<String, Object> input) {
		return this.api.as(session).documentName("registerVolunteer").variable("input", input).execute();
	}

	@Test
	void registersWithEncryptedIdNumberShownOnlyMasked() {
		Session session = this.api.login(Fixtures.unique("vol"));
		// Not registered yet: null (the response encoder may also omit null fields, so read the map).
		Map<String, Object> before = this.api.as(session).documentName("myVolunteer").execute().returnResponse().getData();
		assertThat(before).isNotNull();
		assertThat(before.get("myVolunteer")).isNull();

		String idNumber = Volunteers.idNumber();
		var response = register(session, Volunteers.input("张三丰", idNumber, this.tree.station()));
		String masked = idNumber.substring(0, 4) + "**********" + idNumber.substring(14);
		response.path("registerVolunteer.idNumberMasked").entity(String.class).isEqualTo(masked);
		response.path("registerVolunteer.realName").entity(String.class).isEqualTo("张三丰");
		response.path("registerVolunteer.homeStationId").entity(String.class).isEqualTo(Long.toString(this.tree.station()));
		response.path("registerVolunteer.skills").entityList(String.class).contains("电路维修", "摄影").hasSize(2);
		response.path("registerVolunteer.categories").entityList(String.class).containsExactly("CULTURE", "HEALTH_SPORTS");
		response.path("registerVolunteer.partyMember").entity(Boolean.class).isEqualTo(true);
		response.path("registerVolunteer.trained").entity(Boolean.class).isEqualTo(false);
		response.path("registerVolunteer.star").entity(Integer.class).isEqualTo(0);
		String body = response.returnResponse().toString();
		assertThat(body).doesNotContain(idNumber).doesNotContain(idNumber.substring(4, 14));
		String volunteerId = response.path("registerVolunteer.id").entity(String.class).get();

		// At rest: the cipher holds no run of the plaintext, but really is the ID number encrypted.
		Map<String, Object> row = this.jdbc.queryForMap(
				"SELECT id_number_cipher, id_number_hash, id_number_masked, user_id FROM volunteer WHERE id = ?",
				Long.parseLong(volunteerId));
		String cipher = (String) row.get("id_number_cipher");
		for (int i = 0; i + 8 <= idNumber.length(); i++) {
			assertThat(cipher).doesNotContain(idNumber.substring(i, i + 8));
		}
		assertThat(this.crypto.decrypt(cipher)).isEqualTo(idNumber);
		assertThat(row.get("id_number_hash")).isEqualTo(this.crypto.blindIndex(idNumber));
		assertThat(row.get("id_number_masked")).isEqualTo(masked);
		assertThat(((Number) row.get("user_id")).longValue()).isEqualTo(session.userId());
		// No other column of the table holds the plaintext either.
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM volunteer WHERE CONCAT_WS('|', real_name, "
				+ "id_number_cipher, id_number_hash, id_number_masked) LIKE ?", Integer.class,
				"%" + idNumber.substring(4, 14) + "%")).isZero();

		this.api.as(session).documentName("myVolunteer").execute()
			.path("myVolunteer.idNumberMasked").entity(String.class).isEqualTo(masked)
			.path("myVolunteer.homeStationName").entity(String.class).satisfies(name -> assertThat(name).startsWith("站"));
		this.api.as(session).documentName("me").execute().path("me.roles").entityList(String.class).contains("VOLUNTEER");
		// Granted by the system, not by anyone: no actor, the cause says why.
		assertThat(this.jdbc.queryForList("""
				SELECT CONCAT(kind, ' ', cause, ' ', COALESCE(actor_user_id, '-'), ' ', COALESCE(org_unit_id, '-'))
				FROM user_role_event WHERE user_id = ? AND role = 'VOLUNTEER'""", String.class, session.userId()))
			.containsExactly("GRANTED REGISTRATION - -");
	}

	@Test
	void lowerCaseXIsAcceptedAndStoredCanonically() {
		String idNumber;
		do {
			idNumber = Volunteers.idNumber();
		}
		while (idNumber.charAt(17) != 'X');
		Session session = this.api.login(Fixtures.unique("volx"));
		register(session, Volunteers.input("李四", idNumber.toLowerCase(), this.tree.station()))
			.path("registerVolunteer.idNumberMasked").entity(String.class).satisfies(m -> assertThat(m).endsWith("X"));
		// The upper-case form is the same person.
		ApiErrors.expectCode(register(this.api.login(Fixtures.unique("volx")),
				Volunteers.input("李四", idNumber, this.tree.station())), "ID_NUMBER_ALREADY_REGISTERED");
	}

	@Test
	void invalidIdNumbersAreRefused() {
		Session session = this.api.login(Fixtures.unique("bad"));
		String valid = Volunteers.idNumber();
		char wrongCheck = (valid.charAt(17) == '1') ? '2' : '1';
		String badDate17 = "11010120230230123"; // 30 February
		String futureDate17 = "11010121990101123";
		List<String> invalid = List.of(valid.substring(0, 17) + wrongCheck, // checksum
				badDate17 + Volunteers.checkChar(badDate17), // impossible date, right checksum
				futureDate17 + Volunteers.checkChar(futureDate17), // born in the future
				valid.substring(0, 17), // 17 characters
				valid + "1", // 19 characters
				"1101011990010112AB", "", "abcdefghijklmnopqr");
		for (String idNumber : invalid) {
			ApiErrors.expectCode(register(session, Volunteers.input("王五", idNumber, this.tree.station())),
					"ID_NUMBER_INVALID");
		}
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM volunteer WHERE user_id = ?", Integer.class,
				session.userId())).isZero();
		// The same data with a valid number goes through, so the refusals above were about the number.
		register(session, Volunteers.input("王五", valid, this.tree.station())).path("registerVolunteer.id").hasValue();
	}

	@Test
	void oneVolunteerPerIdNumberAndPerUser() {
		String idNumber = Volunteers.idNumber();
		Session first = this.api.login(Fixtures.unique("dup"));
		register(first, Volunteers.input("赵六", idNumber, this.tree.station())).path("registerVolunteer.id").hasValue();

		Session second = this.api.login(Fixtures.unique("dup"));
		ApiErrors.expectCode(register(second, Volunteers.input("赵六", idNumber, this.tree.station())),
				"ID_NUMBER_ALREADY_REGISTERED");
		ApiErrors.expectCode(register(first, Volunteers.input("赵六", Volunteers.idNumber(), this.tree.station())),
				"VOLUNTEER_ALREADY_REGISTERED");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM volunteer WHERE user_id IN (?, ?)", Integer.class,
				first.userId(), second.userId())).isEqualTo(1);
	}

	/**
	 * A skill WeChat refuses answers the same for a registered and an unregistered ID number: the
	 * content check comes before the number is looked up, so it cannot be used to ask, storing
	 * nothing, whether a number belongs to a volunteer.
	 */
	@Test
	void aRejectedSkillDoesNotTellWhetherTheIdNumberIsRegistered() {
		String registered = Volunteers.idNumber();
		register(this.api.login(Fixtures.unique("probed")), Volunteers.input("赵六", registered, this.tree.station()))
			.path("registerVolunteer.id").hasValue();
		String unregistered = Volunteers.idNumber();
		Session prober = this.api.login(Fixtures.unique("prober"));
		// The WeChat stub: a text containing RISKY is rejected, REVIEW needs a person's review.
		Map<String, String> expected = Map.of("RISKY 技能", "CONTENT_REJECTED", "REVIEW 技能", "CONTENT_NEEDS_REVIEW");
		expected.forEach((skill, code) -> {
			List<String> codes = new ArrayList<>();
			for (String idNumber : List.of(registered, unregistered)) {
				Map<String, Object> input = Volunteers.input("孙八", idNumber, this.tree.station());
				input.put("skills", List.of("摄影", skill));
				codes.add(ApiErrors.codeOf(register(prober, input)));
			}
			assertThat(codes).as(skill).containsExactly(code, code);
		});
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM volunteer WHERE user_id = ?", Integer.class,
				prober.userId())).isZero();
		// With acceptable skills the registered number is refused as such, the other one registers.
		ApiErrors.expectCode(register(prober, Volunteers.input("孙八", registered, this.tree.station())),
				"ID_NUMBER_ALREADY_REGISTERED");
		register(prober, Volunteers.input("孙八", unregistered, this.tree.station())).path("registerVolunteer.id").hasValue();
	}

	@Test
	void concurrentRegistrationsOfOneIdNumberLeaveExactlyOneRow() throws Exception {
		int threads = 20;
		String idNumber = Volunteers.idNumber();
		List<Session> sessions = new ArrayList<>();
		for (int i = 0; i < threads; i++) {
			sessions.add(this.api.login(Fixtures.unique("race")));
		}
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		List<String> outcomes = Collections.synchronizedList(new ArrayList<>());
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (Session session : sessions) {
				futures.add(pool.submit(() -> {
					start.await();
					var response = register(session, Volunteers.input("钱七", idNumber, this.tree.station()));
					String code = ApiErrors.codeOf(response);
					outcomes.add((code == null) ? "OK" : code);
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
		assertThat(outcomes).hasSize(threads);
		assertThat(outcomes).filteredOn("OK"::equals).hasSize(1);
		assertThat(outcomes).filteredOn(o -> !"OK".equals(o)).containsOnly("ID_NUMBER_ALREADY_REGISTERED");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM volunteer WHERE id_number_hash = ?", Integer.class,
				this.crypto.blindIndex(idNumber))).isEqualTo(1);
	}

	@Test
	void concurrentRegistrationsOfOneUserLeaveExactlyOneRow() throws Exception {
		int threads = 10;
		Session session = this.api.login(Fixtures.unique("self-race"));
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		List<String> outcomes = Collections.synchronizedList(new ArrayList<>());
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				futures.add(pool.submit(() -> {
					start.await();
					var response = register(session, Volunteers.input("孙八", Volunteers.idNumber(), this.tree.station()));
					String code = ApiErrors.codeOf(response);
					outcomes.add((code == null) ? "OK" : code);
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
		assertThat(outcomes).filteredOn("OK"::equals).hasSize(1);
		assertThat(outcomes).filteredOn(o -> !"OK".equals(o)).containsOnly("VOLUNTEER_ALREADY_REGISTERED");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM volunteer WHERE user_id = ?", Integer.class,
				session.userId())).isEqualTo(1);
	}

	@Test
	void badInputsNameTheField() {
		Session session = this.api.login(Fixtures.unique("input"));
		ApiErrors.expectBadField(register(session, Volunteers.input("", Volunteers.idNumber(), this.tree.station())),
				"input.realName");
		ApiErrors.expectBadField(
				register(session, Volunteers.input("张".repeat(10_000), Volunteers.idNumber(), this.tree.station())),
				"input.realName");
		Map<String, Object> tooManySkills = Volunteers.input("周九", Volunteers.idNumber(), this.tree.station());
		List<String> skills = new ArrayList<>();
		for (int i = 0; i < 21; i++) {
			skills.add("技能" + i);
		}
		tooManySkills.put("skills", skills);
		ApiErrors.expectBadField(register(session, tooManySkills), "input.skills");
		Map<String, Object> longSkill = Volunteers.input("周九", Volunteers.idNumber(), this.tree.station());
		longSkill.put("skills", List.of("技".repeat(21)));
		ApiErrors.expectCode(register(session, longSkill), "BAD_REQUEST");

		// Not a station: an institute, or a unit that does not exist.
		ApiErrors.expectCode(register(session, Volunteers.input("周九", Volunteers.idNumber(), this.tree.institute())),
				"BAD_REQUEST");
		ApiErrors.expectCode(register(session, Volunteers.input("周九", Volunteers.idNumber(), 999_999_999L)),
				"NOT_FOUND");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM volunteer WHERE user_id = ?", Integer.class,
				session.userId())).isZero();
	}

	@Test
	void anonymousCannotRegister() {
		ApiErrors.expectCode(this.api.anonymous()
			.documentName("registerVolunteer")
			.variable("input", Volunteers.input("吴十", Volunteers.idNumber(), this.tree.station()))
			.execute(), "UNAUTHENTICATED");
		ApiErrors.expectCode(this.api.anonymous().documentName("myVolunteer").execute(), "UNAUTHENTICATED");
	}

}
