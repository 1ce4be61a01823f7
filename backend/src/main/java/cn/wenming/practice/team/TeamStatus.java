package cn.wenming.practice.team;

/** A team runs until an admin disbands it; disbanded teams keep their history. */
enum TeamStatus {

	ACTIVE, DISBANDED

}
