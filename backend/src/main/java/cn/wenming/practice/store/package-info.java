/**
 * The store (爱心超市): each station's rewards, redemptions paid in points, pickup codes and their
 * expiry. Stock, per-person counts and holds on balances live in Redis, checked by one Lua script
 * per hash slot; MySQL ({@code reward}, {@code reward_user_count}, {@code redemption}) is the truth, and
 * {@link cn.wenming.practice.store.RedemptionReconciler} repairs what a crash or a lost Redis left
 * behind. Points are spent and refunded only through {@link cn.wenming.practice.points.PointsWallet},
 * in the store's own transaction; the staff see who redeemed through
 * {@link cn.wenming.practice.volunteer.VolunteerDirectory#displayNames}. Nothing depends on this feature.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "auth", "org", "points", "volunteer" })
package cn.wenming.practice.store;
