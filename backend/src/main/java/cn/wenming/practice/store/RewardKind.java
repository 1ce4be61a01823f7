package cn.wenming.practice.store;

/** What a reward is: goods handed over at the store, or a service such as a free health check. Stored by name. */
enum RewardKind {

	GOODS, SERVICE

}
