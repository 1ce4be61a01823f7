/**
 * Points (积分): an append-only ledger ({@code points_entry}) and one account row per user
 * ({@code points_account}) whose balance every entry changes in the same transaction, never below
 * zero. A reversal of points already spent takes what is there and records the rest as debt
 * ({@code points_account.debt}), which the next credits pay first ({@code DEBT_REPAYMENT} entries);
 * the reconciler sets an account that drifted from its ledger back to it and records the repair
 * ({@code points_repair}). Awards come from other features' after-commit events
 * ({@link cn.wenming.practice.activity.HoursConfirmed} — undone by a reversal on
 * {@link cn.wenming.practice.activity.HoursRevoked} —, {@link cn.wenming.practice.need.NeedHoursConfirmed} (a need's hours once an impartial admin confirmed them —
 * undone on {@link cn.wenming.practice.need.NeedHoursRevoked} —),
 * {@link cn.wenming.practice.need.NeedRated}, {@link cn.wenming.practice.civic.CivicReportVerified},
 * {@link cn.wenming.practice.recognition.RecognitionBonusGranted}) and are made once each by a unique key; admins adjust
 * balances and reverse entries. The balance shown to the mini-program is cached in Redis
 * ({@code points:balance:{u<id>}}) and always rebuilt from MySQL. Optional expiry by policy
 * ({@link cn.wenming.practice.points.PointsExpiry}). The store spends and refunds points through
 * {@link cn.wenming.practice.points.PointsWallet}, the only way in; this feature knows nothing of it.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "activity", "auth", "civic", "need", "org", "recognition", "volunteer" })
package cn.wenming.practice.points;
