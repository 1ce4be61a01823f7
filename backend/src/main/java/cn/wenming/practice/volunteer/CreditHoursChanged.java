package cn.wenming.practice.volunteer;

import java.math.BigDecimal;

/**
 * A volunteer's credited service hours changed (confirmed, or revoked): the new total and the star
 * level it gives ({@link StarLevel}). Published in the transaction that changed the total, so a
 * listener ({@code @ApplicationModuleListener}) sees it once that transaction committed; concurrent
 * changes each carry the total their own update produced.
 */
public record CreditHoursChanged(long volunteerId, long userId, BigDecimal creditHours, int starLevel) {
}
