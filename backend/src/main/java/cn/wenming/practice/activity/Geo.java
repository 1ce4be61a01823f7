package cn.wenming.practice.activity;

/** Great-circle distance, with Redis' earth radius so the geofence and GEOSEARCH agree. */
final class Geo {

	static final double EARTH_RADIUS_METERS = 6372797.560856;

	private Geo() {
	}

	static double haversine(double lat1, double lon1, double lat2, double lon2) {
		double dLat = Math.toRadians(lat2 - lat1);
		double dLon = Math.toRadians(lon2 - lon1);
		double a = Math.pow(Math.sin(dLat / 2), 2)
				+ Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
		return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(a)));
	}

}
