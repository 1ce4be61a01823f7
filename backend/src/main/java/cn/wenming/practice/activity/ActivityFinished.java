package cn.wenming.practice.activity;

/** Published when an activity moved to FINISHED (consumed after the commit), for counts of activities held. */
public record ActivityFinished(long activityId) {
}
