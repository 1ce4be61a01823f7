package cn.wenming.practice.volunteer;

import java.util.List;

import javax.sql.DataSource;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.HeldRow;
import cn.wenming.practice.testinfra.Scenario;
import cn.wenming.practice.testinfra.Volunteers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A volunteer withdraws their 在职党员 declaration while an admin confirms it: the withdrawal clears the
 * confirmed flag, so the trail must say so — the decision to write that line is taken on the row as
 * it is when the withdrawal changes it, not on a read from before the admin's commit.
 */
@IntegrationTest
class PartyWithdrawalRaceTest {

	static final String DECLARE = "mutation($d: Boolean!) { declareInServicePartyMember(declared: $d) { id } }";

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataSource dataSource;

	@Scenario
	Api api;

	@Scenario
	Fixtures fixtures;

	@Test
	void aConfirmationCommittedDuringTheWithdrawalIsWithdrawnWithATrailLine() throws Exception {
		Fixtures.Tree tree = this.fixtures.tree();
		Session volunteer = this.api.login(Fixtures.unique("party-v"));
		long volunteerId = Long.parseLong(Volunteers.register(this.api.as(volunteer), tree.station()));
		Session admin = this.api.login(Fixtures.unique("party-admin"));
		this.api.as(volunteer).document(DECLARE).variable("d", true).execute()
			.path("declareInServicePartyMember.id").entity(String.class).isEqualTo(String.valueOf(volunteerId));

		HeldRow.commitWhileWaiting(this.dataSource, "volunteer", volunteerId,
				List.of("UPDATE volunteer SET in_service_party_declared%", "SELECT id FROM volunteer WHERE id IN%"),
				() -> {
					this.api.as(volunteer).document(DECLARE).variable("d", false).execute()
						.path("declareInServicePartyMember.id").entity(String.class).isEqualTo(String.valueOf(volunteerId));
					return null;
				}, connection -> {
					// what setInServiceParty commits for an admin over the station
					connection.createStatement().executeUpdate("UPDATE volunteer SET in_service_party_member = 1, "
							+ "in_service_party_by = " + admin.userId() + ", in_service_party_at = NOW(3) WHERE id = "
							+ volunteerId);
					connection.createStatement().executeUpdate("INSERT INTO volunteer_party_change (volunteer_id, "
							+ "in_service, reason, changed_by, changed_at) VALUES (" + volunteerId + ", 1, '核实', "
							+ admin.userId() + ", NOW(3))");
				});

		assertThat(this.jdbc.queryForObject("SELECT in_service_party_member FROM volunteer WHERE id = ?", Integer.class,
				volunteerId)).isZero();
		assertThat(this.jdbc.queryForList("SELECT reason FROM volunteer_party_change WHERE volunteer_id = ? ORDER BY id",
				String.class, volunteerId))
			.as("the confirmation the withdrawal cleared is followed by its withdrawal line")
			.containsExactly("核实", "本人撤回在职党员申报");
	}

}
