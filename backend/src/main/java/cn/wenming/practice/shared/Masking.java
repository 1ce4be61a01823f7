package cn.wenming.practice.shared;

/** Masks personal data for display: names to {@code 张*}, phones to {@code 138****5678}, ID numbers to {@code 1101**********1234}. */
public final class Masking {

	private Masking() {
	}

	public static String phone(String phone) {
		if (phone == null || phone.length() < 7) {
			return (phone == null) ? null : "****";
		}
		return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
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
