package cn.wenming.practice.activity;

/** A sign-up holds a place (CONFIRMED), waits for one (WAITLISTED), was withdrawn, or was a no-show. */
enum SignUpStatus {

	CONFIRMED, WAITLISTED, CANCELLED, NO_SHOW

}
