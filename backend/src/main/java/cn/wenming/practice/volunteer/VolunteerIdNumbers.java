package cn.wenming.practice.volunteer;

import java.util.List;

import cn.wenming.practice.shared.FieldCrypto;
import cn.wenming.practice.shared.Reencryptable;

import org.springframework.stereotype.Component;

/**
 * The key rotation of volunteers' ID numbers: the value is re-sealed and its blind index
 * recomputed under the active key (the index key is derived from the same master key, so a
 * rotated-away key leaves no index behind). Registration checks the indexes under every
 * configured key meanwhile, so a rotation does not let an ID number register twice.
 */
@Component
class VolunteerIdNumbers implements Reencryptable {

	private final VolunteerMapper volunteers;

	VolunteerIdNumbers(VolunteerMapper volunteers) {
		this.volunteers = volunteers;
	}

	@Override
	public String name() {
		return "volunteer.id_number";
	}

	@Override
	public Batch reencrypt(FieldCrypto crypto, long afterId, int limit) {
		List<Volunteer> rows = this.volunteers.idNumbersAfter(afterId, limit);
		int changed = 0;
		for (Volunteer row : rows) {
			if (crypto.isCurrent(row.getIdNumberCipher())) {
				continue;
			}
			String idNumber = crypto.decrypt(row.getIdNumberCipher());
			changed += this.volunteers.resealIdNumber(row.getId(), row.getIdNumberCipher(), crypto.encrypt(idNumber),
					crypto.blindIndex(idNumber));
		}
		return new Batch(rows.isEmpty() ? afterId : rows.get(rows.size() - 1).getId(), rows.size(), changed);
	}

}
