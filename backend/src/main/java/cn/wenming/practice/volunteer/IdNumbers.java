package cn.wenming.practice.volunteer;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;

import cn.wenming.practice.shared.DomainException;

/**
 * The 18-character resident ID number (居民身份证号码, GB 11643-1999): 6-digit region, 8-digit birth
 * date, 3-digit sequence and an ISO 7064 MOD 11-2 check character (digit or X).
 */
final class IdNumbers {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final char[] CHECK = "10X98765432".toCharArray();

	private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private IdNumbers() {
	}

	/** The number in canonical form (upper-case X), or {@code ID_NUMBER_INVALID}. */
	static String normalize(String raw) {
		if (raw == null) {
			throw invalid();
		}
		String id = raw.trim().toUpperCase(java.util.Locale.ROOT);
		if (id.length() != 18) {
			throw invalid();
		}
		for (int i = 0; i < 17; i++) {
			if (id.charAt(i) < '0' || id.charAt(i) > '9') {
				throw invalid();
			}
		}
		char last = id.charAt(17);
		if (!(last >= '0' && last <= '9') && last != 'X') {
			throw invalid();
		}
		if (checkChar(id) != last) {
			throw invalid();
		}
		LocalDate birth;
		try {
			birth = LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
					Integer.parseInt(id.substring(12, 14)));
		}
		catch (DateTimeException ex) {
			throw invalid();
		}
		if (birth.isBefore(EARLIEST_BIRTH) || birth.isAfter(LocalDate.now(CHINA))) {
			throw invalid();
		}
		return id;
	}

	/** The MOD 11-2 check character for the first 17 digits. */
	static char checkChar(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK[sum % 11];
	}

	private static DomainException invalid() {
		return new DomainException(VolunteerError.ID_NUMBER_INVALID);
	}

}
