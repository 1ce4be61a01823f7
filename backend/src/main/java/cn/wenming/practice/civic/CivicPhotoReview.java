package cn.wenming.practice.civic;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.wenming.practice.auth.AccessControl;
import cn.wenming.practice.auth.Actor;
import cn.wenming.practice.media.HeldPhoto;
import cn.wenming.practice.media.MediaError;
import cn.wenming.practice.media.PhotoHold;
import cn.wenming.practice.media.PhotoSubject;
import cn.wenming.practice.media.PhotoView;
import cn.wenming.practice.media.Photos;
import cn.wenming.practice.org.OrgDirectory;
import cn.wenming.practice.org.OrgUnitRef;
import cn.wenming.practice.shared.CommonError;
import cn.wenming.practice.shared.Connections;
import cn.wenming.practice.shared.DomainException;
import graphql.relay.Connection;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Staff review of held 随手拍 photos (the reporter's and the resolution's) that WeChat has not passed:
 * checking, never checked, or judged risky. Without it such a photo stayed hidden for good. The rights
 * are those of the triage: the admins covering the report's station (its 所, the 中心); the decision
 * is the media module's, as for needs (reviewer and time on the photo, decided once), plus a row in
 * the report's trail. Nobody reviews the photos of their own report or their own uploads: faces and
 * plates are what the reviewer looks for, and the reporter is the last to judge that impartially.
 */
@Service
class CivicPhotoReview {

	/** The photo subjects of a 随手拍. */
	static final Set<PhotoSubject> CIVIC_PARTS = EnumSet.of(PhotoSubject.CIVIC_REPORT, PhotoSubject.CIVIC_RESOLUTION);

	private final CivicReportMapper reports;

	private final OrgDirectory orgs;

	private final AccessControl access;

	private final Photos photos;

	private final TransactionTemplate tx;

	private final Clock clock;

	CivicPhotoReview(CivicReportMapper reports, OrgDirectory orgs, AccessControl access, Photos photos,
			TransactionTemplate tx, Clock clock) {
		this.clock = clock;
		this.reports = reports;
		this.orgs = orgs;
		this.access = access;
		this.photos = photos;
		this.tx = tx;
	}

	/**
	 * GraphQL {@code HeldCivicPhoto}: a held (or just decided) photo with what its reviewer reads of the
	 * report, built once per row.
	 */
	record HeldCivicPhoto(long id, PhotoView photo, PhotoHold hold, PhotoSubject part, long reportId,
			CivicCategory category, String categoryLabel, String description, CivicStatus reportStatus, long stationId,
			String stationName, Instant uploadedAt, Long reviewedByUserId, Instant reviewedAt) {

		static HeldCivicPhoto of(HeldPhoto photo, CivicReport report, String stationName) {
			return new HeldCivicPhoto(photo.id(), photo.view(), photo.hold(), photo.subject(), report.id,
					report.category, report.category.label(), report.description, report.status, report.stationId,
					stationName, photo.uploadedAt(), photo.reviewedBy(), photo.reviewedAt());
		}

	}

	/** A held photo and its report, before the page's station names are read. */
	private record OnReport(HeldPhoto photo, CivicReport report) {
	}

	/**
	 * Held photos of the 随手拍 under the unit, oldest first: one indexed statement in the media module
	 * (held photos of 随手拍 subjects attached in the unit's stations, V52), then the page's reports and
	 * stations in one statement each.
	 */
	Connection<HeldCivicPhoto> held(long orgUnitId, Connections.PageRequest page) {
		OrgUnitRef unit = this.orgs.require(orgUnitId);
		Actor actor = this.access.requireAdminOver(unit.path());
		long afterId = (page.afterId() == null) ? 0 : page.afterId();
		List<HeldPhoto> held = this.photos.held(CIVIC_PARTS, this.orgs.subtreeIds(unit.path()), afterId,
				page.fetchSize(), actor.userId());
		Map<Long, CivicReport> byId = held.isEmpty() ? Map.of()
				: this.reports.selectByIds(held.stream().map(HeldPhoto::subjectId).distinct().toList())
					.stream()
					.collect(Collectors.toMap(CivicReport::getId, Function.identity()));
		List<OnReport> out = new ArrayList<>();
		for (HeldPhoto photo : held) {
			CivicReport report = byId.get(photo.subjectId());
			if (report != null) {
				out.add(new OnReport(photo, report));
			}
		}
		return Connections.of(withStationNames(out), page, HeldCivicPhoto::id);
	}

	/**
	 * An admin covering the report's station approves (then shown as a passed photo under the
	 * report's own rules: staff and reporter, the public once verified and publishable) or rejects
	 * (never shown) a held photo. {@code NOT_FOUND} for an unknown photo or one not on a 随手拍,
	 * {@code FORBIDDEN} outside the caller's units and for the reporter or the photo's uploader,
	 * {@code PHOTO_NOT_HELD} when already decided (or passed by WeChat).
	 */
	HeldCivicPhoto review(long photoId, boolean approve) {
		Actor caller = this.access.requireActor();
		HeldPhoto photo = this.photos.forReview(photoId, caller.userId());
		CivicReport report = (photo != null && CIVIC_PARTS.contains(photo.subject()))
				? this.reports.selectById(photo.subjectId()) : null;
		if (report == null) {
			throw new DomainException(CommonError.NOT_FOUND, "照片不存在");
		}
		Actor admin = this.access.requireAdminOver(this.orgs.require(report.stationId).path());
		if (admin.userId() == report.reporterUserId || admin.userId() == photo.ownerUserId()) {
			throw new DomainException(CommonError.FORBIDDEN, "不能审核自己上报的随手拍或自己上传的照片");
		}
		Instant now = this.clock.instant();
		this.tx.executeWithoutResult((status) -> {
			if (!this.photos.review(photoId, approve, admin.userId())) {
				throw new DomainException(MediaError.PHOTO_NOT_HELD);
			}
			String part = (photo.subject() == PhotoSubject.CIVIC_REPORT) ? "上报照片" : "办结照片";
			this.reports.record(report.id, report.status, report.status, admin.userId(),
					part + " " + photoId + (approve ? " 审核通过" : " 审核不通过，不再展示"), now);
		});
		HeldPhoto decided = this.photos.forReview(photoId, admin.userId());
		return withStationNames(List.of(new OnReport(decided, report))).get(0);
	}

	private List<HeldCivicPhoto> withStationNames(List<OnReport> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<Long, OrgUnitRef> units = this.orgs
			.findAll(rows.stream().map((row) -> row.report().stationId).distinct().toList());
		return rows.stream().map((row) -> {
			OrgUnitRef unit = units.get(row.report().stationId);
			return HeldCivicPhoto.of(row.photo(), row.report(), (unit == null) ? "" : unit.name());
		}).toList();
	}

}
