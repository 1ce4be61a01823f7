/**
 * The org tree (中心 → 所 → 站, {@code org_unit} with a materialized path), 文明单位 (civilized units)
 * and their pairings with stations, and the nearby-station search over a Redis GEO index. Other
 * features read units through {@link cn.wenming.practice.org.OrgDirectory} and
 * {@link cn.wenming.practice.org.OrgUnitRef}, grouped figures through
 * {@link cn.wenming.practice.org.OrgStatistics}, scope their own rows to a subtree by the unit ids
 * of {@code OrgDirectory.subtreeIds} (no other module joins {@code org_unit}), veto closing a unit by
 * implementing {@link cn.wenming.practice.org.OrgUnitCloseGuard}, and add work to a unit under
 * {@code OrgDirectory.lockIfOpen} so that a close either sees the work or the work sees the close.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "auth" })
package cn.wenming.practice.org;
