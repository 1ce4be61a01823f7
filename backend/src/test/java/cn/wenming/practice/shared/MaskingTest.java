package cn.wenming.practice.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A masked phone never shows more than half of a short number's digits (a 7- or 8-digit landline, a
 * 5-digit hotline), while an 11-digit mobile keeps the familiar 138****5678.
 */
class MaskingTest {

	@Test
	void mobilesKeepTheFamiliarMask() {
		assertThat(Masking.phone("13812345678")).isEqualTo("138****5678");
		assertThat(Masking.phone("0510-88888888")).isEqualTo("051****8888");
		assertThat(Masking.phone("+8613812345678")).isEqualTo("+86****5678");
		assertThat(Masking.phone(null)).isNull();
	}

	@Test
	void shortNumbersShowAtMostHalfTheirDigits() {
		assertThat(Masking.phone("6251234")).isEqualTo("6****34");
		assertThat(Masking.phone("62512345")).isEqualTo("62****45");
		assertThat(Masking.phone("0510888888")).isEqualTo("05****888");
		assertThat(Masking.phone("12345")).isEqualTo("1****5");
		// Separators are not digits: they neither count nor show.
		assertThat(Masking.phone("625-1234")).isEqualTo("6****34");
		assertThat(Masking.phone("+-+-12")).isEqualTo("****");
		for (String phone : new String[] { "12345", "123456", "6251234", "62512345", "625123456", "0510888888",
				"625-1234" }) {
			long digits = phone.chars().filter(Character::isDigit).count();
			long shown = Masking.phone(phone).chars().filter(Character::isDigit).count();
			assertThat(shown).as(phone).isLessThanOrEqualTo(digits / 2);
		}
	}

}
