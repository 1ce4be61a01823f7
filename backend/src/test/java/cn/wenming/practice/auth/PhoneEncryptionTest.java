package cn.wenming.practice.auth;

import java.util.List;
import java.util.Map;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.shared.CryptoRotation;
import cn.wenming.practice.shared.FieldCrypto;
import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bound phone numbers are encrypted at rest with a keyed hash for {@code userByPhone}: the test
 * application runs with key id 1 active and key id 2 readable (application-test.yml); a rotation
 * to key 2 (as an instance configured with the new key runs it) converts plaintext rows from
 * before the encryption, and lookups keep working under both keys meanwhile.
 */
@IntegrationTest
class PhoneEncryptionTest {

	static final String KEY_1 = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

	static final String KEY_2 = "ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA=";

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	FieldCrypto appCrypto;

	@Autowired
	UserPhones phones;

	@Scenario
	Api api;

	@Scenario
	Fixtures fixtures;

	@AfterEach
	void backToKey1() {
		// The shared database goes back to the application's active key for the other tests.
		new CryptoRotation(this.appCrypto, List.of(this.phones)).run(100);
	}

	private Map<String, Object> stored(long userId) {
		return this.jdbc.queryForMap("SELECT phone, phone_hash FROM app_user WHERE id = ?", userId);
	}

	private String bind(Session session, String code) {
		return this.api.as(session).documentName("bindPhone").variable("code", code).execute()
			.path("bindPhone.phone").entity(String.class).get();
	}

	private Session admin() {
		Session admin = this.api.login(Fixtures.unique("phadmin"));
		this.fixtures.grant(admin.userId(), "CENTER_ADMIN", this.fixtures.tree().center());
		return admin;
	}

	/** The id of the account userByPhone finds for {@code phone}, and the phone as it is shown. */
	private String[] found(Session admin, String phone) {
		var response = this.api.as(admin).documentName("userByPhone").variable("phone", phone).execute();
		return new String[] { response.path("userByPhone.id").entity(String.class).get(),
				response.path("userByPhone.phone").entity(String.class).get() };
	}

	@Test
	void boundPhoneIsStoredSealedWithAKeyedHashAndStillFound() {
		Session owner = this.api.login(Fixtures.unique("sealed"));
		String phone = bind(owner, Fixtures.unique("pe"));
		assertThat(phone).matches("139\\d{8}");

		Map<String, Object> row = stored(owner.userId());
		String cipher = (String) row.get("phone");
		String hash = (String) row.get("phone_hash");
		assertThat(cipher).startsWith("$1$").doesNotContain(phone).doesNotContain(phone.substring(3));
		assertThat(this.appCrypto.decrypt(cipher)).isEqualTo(phone);
		assertThat(hash).matches("[0-9a-f]{64}").isEqualTo(this.appCrypto.blindIndex(UserPhones.INDEX_PURPOSE, phone));
		// The phone's index key is its own: the same digits hash differently than an ID number would.
		assertThat(hash).isNotEqualTo(this.appCrypto.blindIndex(phone));

		String[] found = found(admin(), phone);
		assertThat(found[0]).isEqualTo(Long.toString(owner.userId()));
		assertThat(found[1]).isNotEqualTo(phone).contains("****").startsWith(phone.substring(0, 3));
	}

	@Test
	void aReboundNumberFindsOnlyItsLatestAccount() {
		// "Aa" and "BB" have the same String hash, so the WeChat stub gives both codes one number.
		String prefix = Fixtures.unique("rb");
		Session first = this.api.login(Fixtures.unique("first"));
		Session second = this.api.login(Fixtures.unique("second"));
		String phone = bind(first, prefix + "Aa");
		assertThat(bind(second, prefix + "BB")).isEqualTo(phone);
		// Sealed twice with fresh nonces, hashed the same: the hash is what matches.
		assertThat(stored(first.userId()).get("phone")).isNotEqualTo(stored(second.userId()).get("phone"));
		assertThat(stored(first.userId()).get("phone_hash")).isEqualTo(stored(second.userId()).get("phone_hash"));
		this.jdbc.update("UPDATE app_user SET updated_at = updated_at - INTERVAL 1 MINUTE WHERE id = ?",
				first.userId());

		assertThat(found(admin(), phone)[0]).isEqualTo(Long.toString(second.userId()));
	}

	@Test
	void rotationConvertsPlaintextRowsAndLookupsWorkUnderBothKeys() {
		Session admin = admin();
		// A number bound before the encryption: plaintext, no hash. Found as it is.
		Session legacy = this.api.login(Fixtures.unique("legacy"));
		String legacyPhone = bind(legacy, Fixtures.unique("pl"));
		this.jdbc.update("UPDATE app_user SET phone = ?, phone_hash = NULL WHERE id = ?", legacyPhone,
				legacy.userId());
		assertThat(found(admin, legacyPhone)[0]).isEqualTo(Long.toString(legacy.userId()));
		Session sealed = this.api.login(Fixtures.unique("sealed1"));
		String sealedPhone = bind(sealed, Fixtures.unique("ps"));

		// An instance configured with the new key (id 2) and the old one still readable runs the command.
		FieldCrypto next = FieldCrypto.withKeys("2", KEY_2, "1:" + KEY_1);
		CryptoRotation rotation = new CryptoRotation(next, List.of(this.phones));
		assertThat(rotation.run(2).get("app_user.phone")).isGreaterThanOrEqualTo(2);
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM app_user WHERE phone IS NOT NULL AND (phone NOT LIKE '$2$%' OR phone_hash IS NULL)",
				Integer.class)).isZero();
		FieldCrypto onlyKey2 = FieldCrypto.withKeys("2", KEY_2, "");
		for (var entry : Map.of(legacy, legacyPhone, sealed, sealedPhone).entrySet()) {
			Map<String, Object> row = stored(entry.getKey().userId());
			assertThat(onlyKey2.decrypt((String) row.get("phone"))).isEqualTo(entry.getValue());
			assertThat(row.get("phone_hash")).isEqualTo(onlyKey2.blindIndex(UserPhones.INDEX_PURPOSE, entry.getValue()))
				.isNotEqualTo(this.appCrypto.blindIndex(UserPhones.INDEX_PURPOSE, entry.getValue()));
		}

		// The running service (key 1 active, key 2 readable) finds rows hashed under key 2 ...
		assertThat(found(admin, legacyPhone)[0]).isEqualTo(Long.toString(legacy.userId()));
		assertThat(found(admin, sealedPhone)[0]).isEqualTo(Long.toString(sealed.userId()));
		// ... and shows the owner their own number in full.
		this.api.as(legacy).document("{ me { phone } }").execute().path("me.phone").entity(String.class)
			.isEqualTo(legacyPhone);
		// A number bound meanwhile is sealed under key 1 and found too.
		Session during = this.api.login(Fixtures.unique("during"));
		String duringPhone = bind(during, Fixtures.unique("pd"));
		assertThat((String) stored(during.userId()).get("phone")).startsWith("$1$");
		assertThat(found(admin, duringPhone)[0]).isEqualTo(Long.toString(during.userId()));

		// Running it again finds nothing left to do except the number bound meanwhile.
		assertThat(rotation.run(50).get("app_user.phone")).isEqualTo(1);
		assertThat(rotation.run(50).get("app_user.phone")).isZero();
	}

}
