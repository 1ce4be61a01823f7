package cn.wenming.practice.need;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.shared.CryptoRotation;
import cn.wenming.practice.shared.FieldCrypto;
import cn.wenming.practice.shared.Reencryptable;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.Scenario;
import cn.wenming.practice.testinfra.Volunteers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Residents' contacts on needs are encrypted at rest and shown only to privileged viewers, and
 * {@code APP_CRYPTO_KEY} rotates while the service runs: the test application runs with key id 1
 * active and key id 2 readable (application-test.yml), the rotation seals everything under key 2
 * (as an instance configured with the new key would), and the service reads both meanwhile.
 * Plaintext rows from before the encryption and ID numbers from before key ids are sealed by the
 * same pass (their backfill).
 */
@IntegrationTest
class KeyRotationTest {

	static final String KEY_1 = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

	static final String KEY_2 = "ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA=";

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	FieldCrypto appCrypto;

	@Autowired
	CryptoRotation appRotation;

	@Autowired
	List<Reencryptable> columns;

	@Scenario
	NeedScenario s;

	@AfterEach
	void backToKey1() {
		// The shared database goes back to the application's active key for the other tests.
		this.appRotation.run(100);
	}

	private String stored(String column, String table, String id) {
		return this.jdbc.queryForObject("SELECT " + column + " FROM " + table + " WHERE id = ?", String.class, id);
	}

	private Map<String, Object> needAs(Session as, String needId) {
		return this.s.need(as, needId).path("need").entity(Map.class).get();
	}

	@Test
	void contactsAreStoredEncryptedAndShownOnlyToPrivilegedViewers() {
		String needId = this.s.published("需要上门理发");
		String address = stored("address", "need", needId);
		String phone = stored("contact_phone", "need", needId);
		assertThat(address).startsWith("$1$").doesNotContain("柴墟村").doesNotContain("号");
		assertThat(phone).startsWith("$1$").doesNotContain("138");
		assertThat(this.appCrypto.decrypt(phone)).isEqualTo("13812345678");

		Map<String, Object> resident = needAs(this.s.resident, needId);
		assertThat(resident.get("contactPhone")).isEqualTo("13812345678");
		assertThat((String) resident.get("address")).isEqualTo(this.appCrypto.decrypt(address)).isNotBlank();
		Map<String, Object> admin = needAs(this.s.admin, needId);
		assertThat(admin.get("contactPhone")).isEqualTo("13812345678");
		// A volunteer with no part in it sees the published need but never the contacts.
		var stranger = this.s.need(this.s.volunteer, needId).returnResponse().getData();
		@SuppressWarnings("unchecked")
		Map<String, Object> seen = (Map<String, Object>) ((Map<String, Object>) stranger).get("need");
		assertThat(seen).isNotNull();
		assertThat(seen.get("contactPhone")).isNull();
		assertThat(seen.get("address")).isNull();
	}

	@Test
	void rotationResealsEverythingUnderTheNewKeyWhileBothKeysStayReadable() {
		// A need from before contacts were encrypted, one sealed under key 1, and an ID number from
		// before key ids existed.
		String plainNeed = this.s.submitted("旧需求");
		this.jdbc.update("UPDATE need SET address = '幸福路 8 号', contact_phone = '13900000001' WHERE id = ?", plainNeed);
		String sealedNeed = this.s.submitted("新需求");
		Session person = this.s.api.login(Fixtures.unique("rotated"));
		String boundPhone = this.s.api.as(person).documentName("bindPhone").variable("code", Fixtures.unique("rp"))
			.execute().path("bindPhone.phone").entity(String.class).get();
		String idNumber = Volunteers.idNumber();
		String volunteerId = this.s.api.as(person).documentName("registerVolunteer")
			.variable("input", Volunteers.input("李四", idNumber, this.s.tree.station()))
			.execute().path("registerVolunteer.id").entity(String.class).get();
		assertThat(stored("id_number_cipher", "volunteer", volunteerId)).startsWith("$1$");
		this.jdbc.update("UPDATE volunteer SET id_number_cipher = ? WHERE id = ?", legacySeal(KEY_1, idNumber),
				volunteerId);
		assertThat(needAs(this.s.admin, plainNeed).get("contactPhone")).isEqualTo("13900000001");

		// An instance configured with the new key (id 2) and the old one still readable runs the command.
		FieldCrypto next = FieldCrypto.withKeys("2", KEY_2, "1:" + KEY_1);
		CryptoRotation rotation = new CryptoRotation(next, this.columns);
		Map<String, Integer> changed = rotation.run(3);
		assertThat(changed).containsKeys("volunteer.id_number", "need.address+contact_phone", "app_user.phone");
		assertThat(changed.values()).allMatch(n -> n > 0);

		for (String id : List.of(plainNeed, sealedNeed)) {
			assertThat(stored("address", "need", id)).startsWith("$2$");
			assertThat(stored("contact_phone", "need", id)).startsWith("$2$");
		}
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM need WHERE address NOT LIKE '$2$%' OR contact_phone NOT LIKE '$2$%'",
				Integer.class)).isZero();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM volunteer WHERE id_number_cipher NOT LIKE '$2$%'",
				Integer.class)).isZero();
		// Key 2 alone opens them: key 1 can be dropped once the command has run.
		FieldCrypto onlyKey2 = FieldCrypto.withKeys("2", KEY_2, "");
		assertThat(onlyKey2.decrypt(stored("contact_phone", "need", plainNeed))).isEqualTo("13900000001");
		assertThat(onlyKey2.decrypt(stored("address", "need", plainNeed))).isEqualTo("幸福路 8 号");
		assertThat(onlyKey2.decrypt(stored("id_number_cipher", "volunteer", volunteerId))).isEqualTo(idNumber);
		assertThat(stored("id_number_hash", "volunteer", volunteerId)).isEqualTo(onlyKey2.blindIndex(idNumber));
		assertThat(onlyKey2.decrypt(stored("phone", "app_user", Long.toString(person.userId())))).isEqualTo(boundPhone);

		// Both key ids live: the running service (key 1 active, key 2 readable) reads the re-sealed rows
		// and keeps sealing new ones under key 1.
		assertThat(needAs(this.s.admin, plainNeed).get("contactPhone")).isEqualTo("13900000001");
		assertThat(needAs(this.s.resident, sealedNeed).get("contactPhone")).isEqualTo("13812345678");
		String during = this.s.submitted("轮换中的需求");
		assertThat(stored("contact_phone", "need", during)).startsWith("$1$");
		assertThat(needAs(this.s.admin, during).get("contactPhone")).isEqualTo("13812345678");
		// The ID number is indexed under key 2 now; registering it again is still refused.
		Session twin = this.s.api.login(Fixtures.unique("twin"));
		ApiErrors.expectCode(this.s.api.as(twin).documentName("registerVolunteer")
			.variable("input", Volunteers.input("李四", idNumber, this.s.tree.station()))
			.execute(), "ID_NUMBER_ALREADY_REGISTERED");

		// Running it again finds nothing left to do.
		assertThat(rotation.run(50).get("volunteer.id_number")).isZero();
	}

	@Test
	void aValueUnderAKeyThatIsNotConfiguredIsNotOpened() {
		FieldCrypto other = FieldCrypto.withKeys("9", KEY_2, "");
		String sealed = other.encrypt("13900000009");
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> this.appCrypto.decrypt(sealed))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("9");
		// A value sealed under key 2 with its id changed to 1 fails authentication (the id is bound).
		String relabelled = "$1$" + FieldCrypto.withKeys("2", KEY_2, "").encrypt("x").substring(3);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> this.appCrypto.decrypt(relabelled))
			.isInstanceOf(IllegalStateException.class);
	}

	/** An ID number sealed the way it was before key ids existed: bare base64, no associated data. */
	static String legacySeal(String base64Key, String plaintext) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(Base64.getDecoder().decode(base64Key), "HmacSHA256"));
			byte[] key = mac.doFinal("field-encryption".getBytes(StandardCharsets.UTF_8));
			byte[] nonce = new byte[12];
			new SecureRandom().nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
			byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder()
				.encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
