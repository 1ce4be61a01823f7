package cn.wenming.practice.auth;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.MutableClock;
import cn.wenming.practice.testinfra.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff console's QR login over real HTTP: the console creates a ticket and polls, an admin
 * logged in to the mini-program describes and confirms it. Expired, replayed, twice-confirmed and
 * non-admin tickets are refused with stable codes; the session is handed out once, to the holder
 * of the poll secret only.
 */
@IntegrationTest
class ConsoleLoginTest {

	@Autowired
	MutableClock clock;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	JdbcTemplate jdbc;

	@Scenario
	Api api;

	@Scenario
	Fixtures fixtures;

	private Session admin;

	@BeforeEach
	void admin() {
		clearRateLimit();
		Fixtures.Tree tree = this.fixtures.tree();
		this.admin = this.api.login(Fixtures.unique("console-admin"));
		this.fixtures.grant(this.admin.userId(), "STATION_ADMIN", tree.station());
	}

	@AfterEach
	void clearRateLimit() {
		var keys = this.redis.keys(ConsoleLogins.RATE_PREFIX + "*");
		if (keys != null && !keys.isEmpty()) {
			this.redis.delete(keys);
		}
	}

	record Ticket(String ticketId, String qrCode, String pollSecret, String expiresAt) {
	}

	private HttpGraphQlTester console() {
		return HttpGraphQlTester.builder(this.api.client().mutate()).header("User-Agent",
				"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36")
			.build();
	}

	private Ticket create() {
		return console().documentName("createConsoleLoginTicket")
			.execute()
			.path("createConsoleLoginTicket")
			.entity(Ticket.class)
			.get();
	}

	private GraphQlTester.Response poll(Ticket ticket) {
		return poll(ticket.ticketId(), ticket.pollSecret());
	}

	private GraphQlTester.Response poll(String ticketId, String pollSecret) {
		return console().documentName("pollConsoleLoginTicket")
			.variable("ticketId", ticketId)
			.variable("pollSecret", pollSecret)
			.execute();
	}

	private GraphQlTester.Response describe(Session as, String code) {
		return this.api.as(as).documentName("describeConsoleLoginTicket").variable("code", code).execute();
	}

	private GraphQlTester.Response confirm(Session as, String code) {
		return this.api.as(as).documentName("confirmConsoleLoginTicket").variable("code", code).execute();
	}

	private static void expectCode(GraphQlTester.Response response, String code) {
		response.errors().satisfy(errors -> {
			assertThat(errors).isNotEmpty();
			assertThat(errors.get(0).getExtensions()).containsEntry("code", code);
		});
	}

	@Test
	void anAdminScansAndConfirmsAndTheConsoleCollectsTheirSessionOnce() {
		Ticket ticket = create();
		assertThat(ticket.qrCode()).startsWith("WMCL1." + ticket.ticketId() + ".")
			.doesNotContain(ticket.pollSecret());
		poll(ticket).path("pollConsoleLoginTicket.status").entity(String.class).isEqualTo("PENDING");

		Map<?, ?> request = describe(this.admin, ticket.qrCode()).path("describeConsoleLoginTicket")
			.entity(Map.class)
			.get();
		assertThat(request.get("ip")).isEqualTo("127.0.0.1");
		assertThat(request.get("browser")).isEqualTo("Chrome 120 · Windows");
		assertThat(request.get("ticketId")).isEqualTo(ticket.ticketId());
		poll(ticket).path("pollConsoleLoginTicket.status").entity(String.class).isEqualTo("SCANNED");
		poll(ticket).path("pollConsoleLoginTicket.session").valueIsNull();

		confirm(this.admin, ticket.qrCode()).path("confirmConsoleLoginTicket").entity(Boolean.class).isEqualTo(true);
		var confirmed = poll(ticket);
		confirmed.path("pollConsoleLoginTicket.status").entity(String.class).isEqualTo("CONFIRMED");
		String accessToken = confirmed.path("pollConsoleLoginTicket.session.accessToken").entity(String.class).get();
		String refreshToken = confirmed.path("pollConsoleLoginTicket.session.refreshToken").entity(String.class).get();
		confirmed.path("pollConsoleLoginTicket.session.user.id").entity(String.class)
			.isEqualTo(Long.toString(this.admin.userId()));

		// The console's session is the admin's, with the same token model: it works and it refreshes.
		this.api.as(accessToken).documentName("me").execute().path("me.id").entity(String.class)
			.isEqualTo(Long.toString(this.admin.userId()));
		this.api.anonymous().documentName("refresh").variable("token", refreshToken).execute()
			.path("refreshToken.accessToken").hasValue();

		// Replaying the poll does not mint a second session.
		expectCode(poll(ticket), "CONSOLE_LOGIN_TICKET_USED");
	}

	@Test
	void aTicketIsConfirmedOnlyOnce() {
		Ticket ticket = create();
		confirm(this.admin, ticket.qrCode()).path("confirmConsoleLoginTicket").entity(Boolean.class).isEqualTo(true);
		expectCode(confirm(this.admin, ticket.qrCode()), "CONSOLE_LOGIN_TICKET_USED");

		// Nor by a second admin who photographed the same QR code: the first confirmation stands.
		Session other = this.api.login(Fixtures.unique("console-admin2"));
		this.fixtures.grant(other.userId(), "STATION_ADMIN", this.fixtures.tree().station());
		expectCode(confirm(other, ticket.qrCode()), "CONSOLE_LOGIN_TICKET_USED");
		expectCode(describe(other, ticket.qrCode()), "CONSOLE_LOGIN_TICKET_USED");
		poll(ticket).path("pollConsoleLoginTicket.session.user.id").entity(String.class)
			.isEqualTo(Long.toString(this.admin.userId()));
	}

	@Test
	void aReplayedQrCodeIsRefusedAfterTheSessionWasCollected() {
		Ticket ticket = create();
		confirm(this.admin, ticket.qrCode()).path("confirmConsoleLoginTicket").entity(Boolean.class).isEqualTo(true);
		poll(ticket).path("pollConsoleLoginTicket.status").entity(String.class).isEqualTo("CONFIRMED");

		expectCode(confirm(this.admin, ticket.qrCode()), "CONSOLE_LOGIN_TICKET_USED");
		expectCode(describe(this.admin, ticket.qrCode()), "CONSOLE_LOGIN_TICKET_USED");
		expectCode(poll(ticket), "CONSOLE_LOGIN_TICKET_USED");
	}

	@Test
	void anExpiredTicketCanBeNeitherConfirmedNorCollected() {
		Ticket ticket = create();
		this.clock.shift(Duration.ofMinutes(3).plusSeconds(1));
		expectCode(describe(this.admin, ticket.qrCode()), "CONSOLE_LOGIN_TICKET_EXPIRED");
		expectCode(confirm(this.admin, ticket.qrCode()), "CONSOLE_LOGIN_TICKET_EXPIRED");
		expectCode(poll(ticket), "CONSOLE_LOGIN_TICKET_EXPIRED");

		// Confirmed in time but collected too late: still no session.
		this.clock.reset();
		Ticket late = create();
		confirm(this.admin, late.qrCode()).path("confirmConsoleLoginTicket").entity(Boolean.class).isEqualTo(true);
		this.clock.shift(Duration.ofMinutes(4));
		expectCode(poll(late), "CONSOLE_LOGIN_TICKET_EXPIRED");
	}

	@Test
	void aNonAdminCanNeitherSeeNorConfirmATicket() {
		Ticket ticket = create();
		Session resident = this.api.login(Fixtures.unique("console-resident"));
		expectCode(describe(resident, ticket.qrCode()), "CONSOLE_LOGIN_ADMIN_REQUIRED");
		expectCode(confirm(resident, ticket.qrCode()), "CONSOLE_LOGIN_ADMIN_REQUIRED");
		// A team leader holds a role, but not an admin one.
		this.fixtures.grant(resident.userId(), "TEAM_LEADER", null);
		expectCode(confirm(resident, ticket.qrCode()), "CONSOLE_LOGIN_ADMIN_REQUIRED");
		poll(ticket).path("pollConsoleLoginTicket.status").entity(String.class).isEqualTo("PENDING");
		expectCode(this.api.anonymous().documentName("confirmConsoleLoginTicket").variable("code", ticket.qrCode())
			.execute(), "UNAUTHENTICATED");
		// The ticket is still good for an admin.
		confirm(this.admin, ticket.qrCode()).path("confirmConsoleLoginTicket").entity(Boolean.class).isEqualTo(true);
	}

	@Test
	void aRoleRevokedBetweenConfirmationAndCollectionGetsNoSession() {
		Ticket ticket = create();
		confirm(this.admin, ticket.qrCode()).path("confirmConsoleLoginTicket").entity(Boolean.class).isEqualTo(true);
		this.jdbc.update("DELETE FROM user_role WHERE user_id = ?", this.admin.userId());
		expectCode(poll(ticket), "CONSOLE_LOGIN_ADMIN_REQUIRED");
	}

	@Test
	void forgedSecretsAndUnknownTicketsAreInvalid() {
		Ticket ticket = create();
		String forged = "WMCL1." + ticket.ticketId() + "." + "A".repeat(32);
		expectCode(confirm(this.admin, forged), "CONSOLE_LOGIN_TICKET_INVALID");
		expectCode(confirm(this.admin, "https://example.com/not-ours"), "CONSOLE_LOGIN_TICKET_INVALID");
		expectCode(confirm(this.admin, "WMCL1." + "B".repeat(22) + "." + "C".repeat(32)), "CONSOLE_LOGIN_TICKET_INVALID");
		// The scan secret does not collect the session, and a wrong poll secret does not either.
		String scanSecret = ticket.qrCode().substring(ticket.qrCode().lastIndexOf('.') + 1);
		confirm(this.admin, ticket.qrCode()).path("confirmConsoleLoginTicket").entity(Boolean.class).isEqualTo(true);
		expectCode(poll(ticket.ticketId(), scanSecret), "CONSOLE_LOGIN_TICKET_INVALID");
		expectCode(poll(ticket.ticketId(), "D".repeat(32)), "CONSOLE_LOGIN_TICKET_INVALID");
		poll(ticket).path("pollConsoleLoginTicket.status").entity(String.class).isEqualTo("CONFIRMED");
		// Only hashes of the secrets are kept.
		Set<Object> stored = Set.copyOf(this.redis.opsForHash().values(ConsoleLogins.PREFIX + ticket.ticketId()));
		assertThat(stored).doesNotContain(scanSecret, ticket.pollSecret());
	}

	@Test
	void ticketCreationIsLimitedPerAddress() {
		for (int i = 0; i < 20; i++) {
			create();
		}
		expectCode(console().documentName("createConsoleLoginTicket").execute(), "CONSOLE_LOGIN_RATE_LIMITED");
	}

	@Test
	void browsersAreSummarised() {
		assertThat(ConsoleLogins.browser(
				"Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15"))
			.isEqualTo("Safari 17 · macOS");
		assertThat(ConsoleLogins.browser(
				"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 Edg/120.0"))
			.isEqualTo("Edge 120 · Windows");
		assertThat(ConsoleLogins.browser("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"))
			.isEqualTo("Firefox 128 · Linux");
		assertThat(ConsoleLogins.browser("")).isEqualTo("未知浏览器");
	}

}
