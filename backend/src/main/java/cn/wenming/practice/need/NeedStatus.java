package cn.wenming.practice.need;

import java.util.EnumSet;
import java.util.Set;

/** Where a need is in 点单 → 派单 → 接单 → 评单. The legal moves between them are {@link NeedTransitions}'. */
enum NeedStatus {

	SUBMITTED, PUBLISHED, REJECTED, DISPATCHED, CLAIMED, ACCEPTED, IN_PROGRESS, COMPLETED, RATED, CANCELLED,
	/** Completed but not rated in time ({@code app.need.rate-within}): closed by the deadline job. */
	CLOSED_UNRATED;

	/** Work still open at the station: such a station cannot be closed. */
	static final Set<NeedStatus> OPEN = EnumSet.of(SUBMITTED, PUBLISHED, DISPATCHED, CLAIMED, ACCEPTED, IN_PROGRESS);

	/** Someone has already taken the need (派单 or 认领), or it has moved on from there. */
	static final Set<NeedStatus> TAKEN = EnumSet.of(DISPATCHED, CLAIMED, ACCEPTED, IN_PROGRESS, COMPLETED, RATED,
			CLOSED_UNRATED);

	/** Final statuses; {@code need.closed_at} records when a need reached one. */
	static final Set<NeedStatus> CLOSED = EnumSet.of(RATED, CLOSED_UNRATED, CANCELLED);

	/** Statuses in which any logged-in user may see the need's public fields. */
	static final Set<NeedStatus> PUBLIC = EnumSet.of(PUBLISHED, DISPATCHED, CLAIMED, ACCEPTED, IN_PROGRESS, COMPLETED,
			RATED, CLOSED_UNRATED);

}
