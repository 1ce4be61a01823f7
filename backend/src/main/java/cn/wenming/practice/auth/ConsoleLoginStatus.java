package cn.wenming.practice.auth;

/** Where a console login ticket is, as the console's poll sees it. */
enum ConsoleLoginStatus {

	PENDING, SCANNED, CONFIRMED

}
