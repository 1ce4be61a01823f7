package cn.wenming.practice.org;

/**
 * The levels of the practice network: 市 (city, optional: one deployment serving several counties) →
 * 中心 (county) → 所 (township) → 站 (village) → 点 (post). A center is a root unless it is attached
 * under a city.
 */
public enum OrgLevel {

	CITY, CENTER, INSTITUTE, STATION, POINT;

	/** The level a child of this level must have, or {@code null} for points. */
	public OrgLevel childLevel() {
		return switch (this) {
			case CITY -> CENTER;
			case CENTER -> INSTITUTE;
			case INSTITUTE -> STATION;
			case STATION -> POINT;
			case POINT -> null;
		};
	}

}
