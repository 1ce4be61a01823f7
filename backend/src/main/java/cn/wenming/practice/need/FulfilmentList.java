package cn.wenming.practice.need;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.wenming.practice.org.OrgLevel;

/**
 * 落实清单: a unit's needs of one month (GraphQL {@code FulfilmentList}). Computed live by
 * {@link FulfilmentLists} for admins, or read back from the document stored at publication, which
 * is why this is a plain value (JSON round trip) with names and masked names already resolved.
 * The rules behind every figure are in {@link FulfilmentLists}.
 */
record FulfilmentList(long orgUnitId, String orgUnitName, String month, boolean published, Instant publishedAt,
		Instant computedAt, FulfilmentSummary total, List<FulfilmentSummary> categories, List<FulfilledNeed> fulfilled,
		List<UnfulfilledNeed> unfulfilled, List<CivicSummary> civicReports) {

	/** A month as clients name it: YYYY-MM (Asia/Shanghai). */
	static final String MONTH = "^\\d{4}-(0[1-9]|1[0-2])$";

	/** Who served a need: a team (its name) or a single volunteer (masked name). */
	enum ServedByKind {

		TEAM, VOLUNTEER

	}

	/**
	 * The figures of one category, or of all ({@code category} null). Rates are null when undefined (0 / 0).
	 * {@code beneficiaries}: 受益群众 of the fulfilled needs (0 in lists published before V37).
	 */
	record FulfilmentSummary(String category, int received, int fulfilled, int onTime, int rated, int satisfied,
			int rejected, int cancelled, Double fulfilmentRate, Double onTimeRate, Double averageRating,
			Double satisfaction, int beneficiaries) {
	}

	/** A fulfilled need as shown publicly: no title, no contact data, masked names. */
	record FulfilledNeed(long needId, String category, String residentName, String stationName, ServedByKind servedByKind,
			String servedBy, Instant completedAt, LocalDate completedOn, Instant deadline, boolean onTime,
			Integer rating, Integer beneficiaries) {
	}

	/**
	 * 随手拍 of the month at the unit's stations (seed 001: counts by category appear in the monthly
	 * public list), by category, only those with reports, then the total ({@code category} null).
	 * Null in lists published before 随手拍 existed.
	 */
	record CivicSummary(String category, int received, int resolved, int verified, int overdue) {
	}

	/** A need still open: what happens next, who must act and by when. */
	record UnfulfilledNeed(long needId, String category, String residentName, String stationName, NeedStatus status,
			String nextStep, String responsible, Instant deadline, boolean overdue, OrgLevel escalatedTo) {
	}

	FulfilmentList asPublished(Instant at) {
		return new FulfilmentList(this.orgUnitId, this.orgUnitName, this.month, true, at, this.computedAt, this.total,
				this.categories, this.fulfilled, this.unfulfilled, this.civicReports);
	}

}
