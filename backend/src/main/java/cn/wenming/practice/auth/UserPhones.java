package cn.wenming.practice.auth;

import java.util.List;

import cn.wenming.practice.shared.FieldCrypto;
import cn.wenming.practice.shared.Reencryptable;

import org.springframework.stereotype.Component;

/**
 * Users' bound phone numbers, encrypted at rest ({@link FieldCrypto}, the same keys and rotation
 * as ID numbers and residents' contacts) with a keyed hash under a phone-only index key for
 * {@code userByPhone}. Rows bound before the encryption hold plaintext and no hash until the
 * rotation command ({@link cn.wenming.practice.shared.CryptoRotation}) seals them, so lookups
 * match the plaintext too meanwhile; during a key rotation they match the hash under every
 * configured key, since a row may still be indexed under the old one.
 */
@Component
class UserPhones implements Reencryptable {

	static final String INDEX_PURPOSE = "phone";

	private final FieldCrypto crypto;

	private final AppUserMapper users;

	UserPhones(FieldCrypto crypto, AppUserMapper users) {
		this.crypto = crypto;
		this.users = users;
	}

	/** Sets the sealed phone and its hash on an update of {@code user}. */
	void seal(AppUser user, String phone) {
		user.setPhone(this.crypto.encrypt(phone));
		user.setPhoneHash(this.crypto.blindIndex(INDEX_PURPOSE, phone));
	}

	/** The plain phone number of {@code user}, or null if none is bound. */
	String phone(AppUser user) {
		return this.crypto.decryptOrPlain(user.getPhone());
	}

	AppUser findByPhone(String phone) {
		return this.users.findByPhone(this.crypto.blindIndexes(INDEX_PURPOSE, phone), phone);
	}

	@Override
	public String name() {
		return "app_user.phone";
	}

	@Override
	public Batch reencrypt(FieldCrypto crypto, long afterId, int limit) {
		List<AppUser> rows = this.users.phonesAfter(afterId, limit);
		int changed = 0;
		for (AppUser row : rows) {
			if (crypto.isCurrent(row.getPhone())) {
				continue;
			}
			String phone = crypto.decryptOrPlain(row.getPhone());
			changed += this.users.resealPhone(row.getId(), row.getPhone(), crypto.encrypt(phone),
					crypto.blindIndex(INDEX_PURPOSE, phone));
		}
		return new Batch(rows.isEmpty() ? afterId : rows.get(rows.size() - 1).getId(), rows.size(), changed);
	}

}
