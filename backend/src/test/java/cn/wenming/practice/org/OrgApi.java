package cn.wenming.practice.org;

import java.util.LinkedHashMap;
import java.util.Map;

import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.Fixtures;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Shared moves of the org tests: users with roles, calls as them, and error assertions. */
final class OrgApi {

	final Api api;

	final Fixtures fixtures;

	final JdbcTemplate jdbc;

	OrgApi(Api api, JdbcTemplate jdbc) {
		this.api = api;
		this.jdbc = jdbc;
		this.fixtures = new Fixtures(jdbc);
	}

	/** A freshly logged-in user with no role beyond RESIDENT. */
	Session resident() {
		return this.api.login(Fixtures.unique("u"));
	}

	/** A fresh user holding {@code role} on {@code unitId}. */
	Session admin(String role, long unitId) {
		Session session = resident();
		this.fixtures.grant(session.userId(), role, unitId);
		return session;
	}

	/** A caller: {@code null} means anonymous. */
	HttpGraphQlTester as(Session session) {
		return (session == null) ? this.api.anonymous() : this.api.as(session);
	}

	String path(long unitId) {
		return this.jdbc.queryForObject("SELECT path FROM org_unit WHERE id = ?", String.class, unitId);
	}

	String status(long unitId) {
		return this.jdbc.queryForObject("SELECT status FROM org_unit WHERE id = ?", String.class, unitId);
	}

	static Map<String, Object> map(Object... keysAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

	/** Every error has {@code code}, and there is at least one. */
	static void expectCode(GraphQlTester.Response response, String code) {
		response.errors().satisfy(errors -> {
			assertThat(errors).as("errors").isNotEmpty();
			assertThat(errors).allSatisfy(error -> assertThat(error.getExtensions()).containsEntry("code", code));
		});
	}

	/** The call succeeded: no errors at all. */
	static void expectOk(GraphQlTester.Response response) {
		response.errors().verify();
	}

}
