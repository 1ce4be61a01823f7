/**
 * The org tree (中心 → 所 → 站, {@code org_unit} with a materialized path), 文明单位 (civilized units)
 * and their pairings with stations, and the nearby-station search over a Redis GEO index. Other
 * features read units through {@link cn.wenming.practice.org.OrgDirectory} and
 * {@link cn.wenming.practice.org.OrgUnitRef}, grouped figures through
 * {@link cn.wenming.practice.org.OrgStatistics}, and veto closing a unit by implementing
 * {@link cn.wenming.practice.org.OrgUnitCloseGuard}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "auth" })
package cn.wenming.practice.org;
