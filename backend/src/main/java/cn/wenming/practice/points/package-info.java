/**
 * Points (积分): an append-only ledger ({@code points_entry}) and one account row per user whose
 * balance every entry changes in the same transaction, never below zero. Awards come from other
 * features' after-commit events ({@link cn.wenming.practice.activity.HoursConfirmed} — undone by a
 * reversal on {@link cn.wenming.practice.activity.HoursRevoked} —,
 * {@link cn.wenming.practice.need.NeedCompleted}, {@link cn.wenming.practice.need.NeedRated}) and are
 * made once each by a unique key; admins adjust balances and reverse entries. The balance shown to
 * the mini-program is cached in Redis and always rebuilt from MySQL. Points are spent at a station's
 * store (爱心超市, {@link cn.wenming.practice.points.Redemptions}): stock, per-person counts and
 * holds on balances in Redis, checked by one Lua script, MySQL the truth. Optional expiry by policy
 * ({@link cn.wenming.practice.points.PointsExpiry}). Nothing depends on this feature: it only listens.
 */
package cn.wenming.practice.points;
