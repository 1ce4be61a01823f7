package cn.wenming.practice.activity;

import cn.wenming.practice.shared.GeoIndex;

/** An activity was published, started, finished or cancelled: the nearby index must follow once committed. */
record ActivityChanged(long activityId) implements GeoIndex.PlaceChanged {

	@Override
	public String geoIndexKey() {
		return NearbyActivityIndex.KEY;
	}

	@Override
	public long placeId() {
		return this.activityId;
	}

}
