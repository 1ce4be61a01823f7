package cn.wenming.practice.store;

/** A reward on offer, or withdrawn by its store (kept for the orders that name it). Stored by name. */
enum RewardStatus {

	ACTIVE, WITHDRAWN

}
