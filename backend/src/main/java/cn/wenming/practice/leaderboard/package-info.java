/**
 * Leaderboards (排行榜, 比学赶超): volunteers by points earned and by credit hours, teams by credit
 * hours, stations by activities held — for the current ISO week, month and year (Asia/Shanghai) and
 * all time, scoped to an org unit's subtree (中心 / 所 / 站) or, for volunteers, a team. Redis sorted
 * sets serve them; MySQL (through the owning features' grouped read methods) is the truth they are
 * rebuilt from, automatically when a board's key is missing and on demand by center admins. Depends
 * on points, activity, volunteer, team and org; nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "activity", "auth", "need", "org", "points", "team", "volunteer" })
package cn.wenming.practice.leaderboard;
