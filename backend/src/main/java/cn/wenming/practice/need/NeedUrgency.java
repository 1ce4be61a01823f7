package cn.wenming.practice.need;

/** 一般, 较急, 紧急. */
enum NeedUrgency {

	NORMAL, URGENT, CRITICAL

}
