package cn.wenming.practice.need;

import java.util.List;

import cn.wenming.practice.shared.FieldCrypto;
import cn.wenming.practice.shared.Reencryptable;

import org.springframework.stereotype.Component;

/**
 * The resident's phone number and address on a need, encrypted at rest ({@link FieldCrypto}, the
 * same keys and rotation as ID numbers). Only the privileged views open them ({@link NeedVisibility};
 * who is privileged is unchanged). Rows written before they were encrypted hold plaintext until the
 * rotation command ({@link cn.wenming.practice.shared.CryptoRotation}) seals them; until then
 * they read as they are. Nothing searches or sorts by these columns, so no blind index is needed.
 */
@Component
class NeedContacts implements Reencryptable {

	private final FieldCrypto crypto;

	private final NeedMapper needs;

	NeedContacts(FieldCrypto crypto, NeedMapper needs) {
		this.crypto = crypto;
		this.needs = needs;
	}

	/** Seals the contact fields of a need about to be inserted. */
	void seal(Need need) {
		need.setAddress(this.crypto.encrypt(need.getAddress()));
		need.setContactPhone(this.crypto.encrypt(need.getContactPhone()));
	}

	/**
	 * The sealed fields as they enter an order's request digest (V62): a keyed hash, so that someone
	 * reading the database, who has the order's other fields in plain text, cannot test guessed phone
	 * numbers against the digest. (A resend straddling a key rotation reads as other input.)
	 */
	String digestOf(String address, String phone) {
		return this.crypto.blindIndex("need-request", address + "\n" + phone);
	}

	String address(Need need) {
		return this.crypto.decryptOrPlain(need.getAddress());
	}

	String phone(Need need) {
		return this.crypto.decryptOrPlain(need.getContactPhone());
	}

	@Override
	public String name() {
		return "need.address+contact_phone";
	}

	@Override
	public Batch reencrypt(FieldCrypto crypto, long afterId, int limit) {
		List<Need> rows = this.needs.contactsAfter(afterId, limit);
		int changed = 0;
		for (Need row : rows) {
			if (crypto.isCurrent(row.getAddress()) && crypto.isCurrent(row.getContactPhone())) {
				continue;
			}
			changed += this.needs.resealContacts(row.getId(), row.getAddress(), row.getContactPhone(),
					crypto.encrypt(crypto.decryptOrPlain(row.getAddress())),
					crypto.encrypt(crypto.decryptOrPlain(row.getContactPhone())));
		}
		return new Batch(rows.isEmpty() ? afterId : rows.get(rows.size() - 1).getId(), rows.size(), changed);
	}

}
