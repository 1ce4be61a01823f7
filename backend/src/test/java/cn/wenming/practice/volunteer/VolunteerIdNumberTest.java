package cn.wenming.practice.volunteer;

import cn.wenming.practice.shared.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The resident ID number rules: length, digits, birth date and the MOD 11-2 check character. */
class VolunteerIdNumberTest {

	@ParameterizedTest
	// The GB 11643 example and numbers whose check character is X and 0.
	@ValueSource(strings = { "11010519491231002X", "110101199003071030", "11010119900307803X" })
	void acceptsValidNumbers(String idNumber) {
		assertThat(IdNumbers.normalize(idNumber)).isEqualTo(idNumber);
	}

	@Test
	void normalizesLowerCaseX() {
		assertThat(IdNumbers.normalize(" 11010519491231002x ")).isEqualTo("11010519491231002X");
	}

	@ParameterizedTest
	@ValueSource(strings = { "110105194912310021", // wrong check character
			"11010519491231002", // 17 characters
			"11010519491231002XX", // 19
			"1101051949123100X2", // X not last
			"110105194902300020", // 30 February (right check character)
			"110105189912310023", // before 1900 (right check character)
			"", "ABCDEFGHIJKLMNOPQR" })
	void refusesInvalidNumbers(String idNumber) {
		assertThatThrownBy(() -> IdNumbers.normalize(idNumber)).isInstanceOfSatisfying(DomainException.class,
				ex -> assertThat(ex.code()).isEqualTo(VolunteerError.ID_NUMBER_INVALID));
	}

	@Test
	void checkCharacterIsIso7064Mod112() {
		assertThat(IdNumbers.checkChar("11010519491231002")).isEqualTo('X');
		assertThat(IdNumbers.checkChar("11010119900307103")).isEqualTo('0');
	}

}
