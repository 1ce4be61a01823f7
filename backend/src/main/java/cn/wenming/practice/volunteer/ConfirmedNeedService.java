package cn.wenming.practice.volunteer;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A volunteer's confirmed need-service hours one by one, supplied by the need feature (which
 * depends on this one): for documents that list what a volunteer served, like the yearly service
 * certificate, whose feature may not read the need feature's tables. Only hours an impartial admin
 * confirmed and nobody revoked.
 */
public interface ConfirmedNeedService {

	/** The volunteer's confirmed, non-revoked need hours of needs completed in [{@code from}, {@code to}), oldest first. */
	List<Line> confirmedBetween(long volunteerId, Instant from, Instant to);

	/**
	 * One served need: the need's category (not its title, which may name the resident) and when it
	 * was completed.
	 */
	record Line(long needId, String category, Instant completedAt, BigDecimal hours) {
	}

}
