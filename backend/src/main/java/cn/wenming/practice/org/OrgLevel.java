package cn.wenming.practice.org;

/** The four levels of the practice network: 中心 (county) → 所 (township) → 站 (village) → 点 (post). */
public enum OrgLevel {

	CENTER, INSTITUTE, STATION, POINT;

	/** The level a child of this level must have, or {@code null} for points. */
	public OrgLevel childLevel() {
		return switch (this) {
			case CENTER -> INSTITUTE;
			case INSTITUTE -> STATION;
			case STATION -> POINT;
			case POINT -> null;
		};
	}

}
