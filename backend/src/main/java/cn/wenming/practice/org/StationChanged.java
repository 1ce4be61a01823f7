package cn.wenming.practice.org;

import cn.wenming.practice.shared.GeoIndex;

/** A station was created, moved, relocated or closed: the 15-minute circle index must follow once committed. */
record StationChanged(long stationId) implements GeoIndex.PlaceChanged {

	@Override
	public String geoIndexKey() {
		return NearbyStationIndex.KEY;
	}

	@Override
	public long placeId() {
		return this.stationId;
	}

}
