package cn.wenming.practice.volunteer;

import java.math.BigDecimal;
import java.util.List;

/**
 * Volunteer star rating (星级评比) from cumulative credited service hours, by the national
 * convention: 1★ 100 h, 2★ 300 h, 3★ 600 h, 4★ 1000 h, 5★ 1500 h. The only place these
 * thresholds live.
 */
public final class StarLevel {

	/** Hours needed for star {@code i + 1}. */
	static final List<BigDecimal> THRESHOLDS = List.of(new BigDecimal("100"), new BigDecimal("300"),
			new BigDecimal("600"), new BigDecimal("1000"), new BigDecimal("1500"));

	public static final int MAX = 5;

	private StarLevel() {
	}

	/** 0 (no star yet) to 5. */
	public static int of(BigDecimal creditHours) {
		if (creditHours == null) {
			return 0;
		}
		int stars = 0;
		for (BigDecimal threshold : THRESHOLDS) {
			if (creditHours.compareTo(threshold) < 0) {
				break;
			}
			stars++;
		}
		return stars;
	}

}
