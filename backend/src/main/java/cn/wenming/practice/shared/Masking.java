package cn.wenming.practice.shared;

/** Masks personal data for display: names to {@code 张*}, phones to {@code 138****5678}, ID numbers to {@code 1101**********1234}. */
public final class Masking {

	private Masking() {
	}

	/**
	 * A mobile (11 digits or more) keeps its first 3 and last 4 characters, the form people know. A
	 * shorter number (a landline such as 6251234, which civilized units may give) shows at most half
	 * of its digits, the first fewer than the last: 3 + 4 would be all of a 7-digit number. The stars
	 * are always four, so they do not tell the length either.
	 */
	public static String phone(String phone) {
		if (phone == null) {
			return null;
		}
		String digits = phone.replaceAll("[^0-9]", "");
		if (digits.length() >= 11) {
			return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
		}
		int shown = digits.length() / 2;
		if (shown < 2) {
			return "****";
		}
		int first = shown / 2;
		return digits.substring(0, first) + "****" + digits.substring(digits.length() - (shown - first));
	}

	public static String idNumber(String idNumber) {
		if (idNumber == null || idNumber.length() < 8) {
			return (idNumber == null) ? null : "****";
		}
		return idNumber.substring(0, 4) + "*".repeat(idNumber.length() - 8) + idNumber.substring(idNumber.length() - 4);
	}

	public static String name(String name) {
		if (name == null || name.isEmpty()) {
			return name;
		}
		int first = name.offsetByCodePoints(0, 1);
		return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
	}

}
