package cn.wenming.practice.points;

/**
 * An account row: the spendable balance, the debt (points reversed after they were spent, which
 * the next credits pay first) and the number of entries applied.
 */
record PointsAccount(long userId, int balance, int debt, long version) {

	/** No account yet. */
	static PointsAccount none(long userId) {
		return new PointsAccount(userId, 0, 0, 0);
	}

	PointsBalance toBalance() {
		return new PointsBalance(this.balance, this.version);
	}

}
