package cn.wenming.practice.org;

/**
 * An org unit was moved under another parent, published in the transaction of the move and
 * consumed after its commit: everything in its subtree now belongs to the units of {@code newPath}
 * instead of those of {@code oldPath} (materialized paths such as {@code /1/4/17/}, the unit's own
 * id last).
 */
public record OrgUnitMoved(long unitId, String oldPath, String newPath) {
}
