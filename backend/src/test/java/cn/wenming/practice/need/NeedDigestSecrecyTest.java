package cn.wenming.practice.need;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.shared.RecordCorrections;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.Scenario;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The resident's phone and address are sealed at rest; the order's request digest (kept to tell a
 * resend from a reused key) must not undo that. Someone reading the database has every other field
 * of the order in plain text: with a plain hash of the input they could test guessed phone numbers
 * against the digest offline. The sealed fields enter it only through a keyed hash.
 */
@IntegrationTest
class NeedDigestSecrecyTest {

	@Autowired
	JdbcTemplate jdbc;

	@Scenario
	NeedScenario s;

	@Test
	void theRequestDigestCannotBeRecomputedFromTheOrdersPlainText() {
		String title = Fixtures.unique("摘要");
		Map<String, Object> input = this.s.input(title);
		input.put("idempotencyKey", "need-digest-" + Fixtures.unique("k"));
		String id = this.s.submit(this.s.resident, input).path("submitNeed.id").entity(String.class).get();
		String stored = this.jdbc.queryForObject("SELECT request_digest FROM need WHERE id = ?", String.class,
				Long.parseLong(id));

		String guessed = RecordCorrections.digest("NEED", Long.parseLong(input.get("categoryId").toString()), title,
				input.get("description"), input.get("beneficiaryType"), input.get("urgency"), input.get("address"),
				sixPlaces((Double) input.get("latitude")), sixPlaces((Double) input.get("longitude")),
				input.get("contactName"), input.get("contactPhone"), input.get("desiredDate"),
				Long.parseLong(input.get("stationId").toString()), "ONLINE", null, null);

		assertThat(stored).isNotBlank().isNotEqualTo(guessed);
		// and a resend still finds its need
		this.s.submit(this.s.resident, input).path("submitNeed.id").entity(String.class).isEqualTo(id);
	}

	private static BigDecimal sixPlaces(double value) {
		return BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP);
	}

}
