package cn.wenming.practice.volunteer;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** 星级: 1★ 100 h, 2★ 300 h, 3★ 600 h, 4★ 1000 h, 5★ 1500 h, inclusive at each threshold. */
class VolunteerStarLevelTest {

	@ParameterizedTest
	@CsvSource({ "0, 0", "99.99, 0", "100, 1", "100.00, 1", "299.5, 1", "300, 2", "599.99, 2", "600, 3", "999, 3",
			"1000, 4", "1499.99, 4", "1500, 5", "100000, 5" })
	void starsByHours(String hours, int stars) {
		assertThat(StarLevel.of(new BigDecimal(hours))).isEqualTo(stars);
	}

	@Test
	void thresholdsAreTheNationalConvention() {
		assertThat(StarLevel.THRESHOLDS).extracting(BigDecimal::intValue).containsExactly(100, 300, 600, 1000, 1500);
		assertThat(StarLevel.of(null)).isZero();
	}

}
