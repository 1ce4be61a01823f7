package cn.wenming.practice.need;

/** How a need reached us: online by the resident, or offline and entered by staff on the resident's behalf (代录). */
enum NeedSource {

	ONLINE, WISH_WALL, LEIFENG_MAILBOX, HOTLINE, VISIT;

	boolean assisted() {
		return this != ONLINE;
	}

}
