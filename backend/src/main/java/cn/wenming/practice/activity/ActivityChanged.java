package cn.wenming.practice.activity;

/** An activity was published, started, finished or cancelled: the nearby index must follow once committed. */
record ActivityChanged(long activityId) {
}
