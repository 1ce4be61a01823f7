package cn.wenming.practice.org;

/** A station was created, moved, relocated or closed: the 15-minute circle index must follow once committed. */
record StationChanged(long stationId) {
}
