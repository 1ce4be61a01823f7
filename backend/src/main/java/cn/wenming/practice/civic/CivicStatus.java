package cn.wenming.practice.civic;

import java.util.EnumSet;
import java.util.Set;

/** Where a 随手拍 stands (GraphQL {@code CivicReportStatus}); stored by name. */
enum CivicStatus {

	/** Waiting for the station's triage. */
	SUBMITTED,
	/** Accepted with a deadline, not yet routed. */
	ACCEPTED,
	/** Not taken up (with a reason); final. */
	REJECTED,
	/** Handed to a team or to the department responsible. */
	ROUTED,
	/** Staff recorded the resolution; waiting for another admin's check. */
	RESOLVED,
	/** Another admin confirmed the resolution; the reporter earned points; final. */
	VERIFIED;

	/** Accepted and not yet resolved: these have a running deadline. */
	static final Set<CivicStatus> IN_HAND = EnumSet.of(ACCEPTED, ROUTED);

}
