package cn.wenming.practice.points;

/** A balance and the number of entries applied to it (the version a cached copy is compared by). */
public record PointsBalance(int balance, long version) {

	/** No account yet: nothing earned; version 0 so the first entry's refresh (version 1) wins. */
	public static final PointsBalance NONE = new PointsBalance(0, 0);

}
