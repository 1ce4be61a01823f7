package cn.wenming.practice.civic;

import java.util.EnumSet;
import java.util.Set;

import cn.wenming.practice.auth.AccessControl;
import cn.wenming.practice.auth.Actor;
import cn.wenming.practice.media.PhotoAccess;
import cn.wenming.practice.media.PhotoSubject;

import org.springframework.stereotype.Component;

/**
 * Who may fetch a 随手拍's passed photos, checked again on every fetch: the staff covering its station
 * and the reporter; anyone else only once the report is verified and staff marked its photos
 * publishable (they checked that no face or plate shows). Held photos are shown to the staff who
 * answer for the report.
 */
@Component
class CivicPhotoAccess implements PhotoAccess {

	private final CivicReportMapper reports;

	private final CivicReports service;

	private final AccessControl access;

	CivicPhotoAccess(CivicReportMapper reports, CivicReports service, AccessControl access) {
		this.reports = reports;
		this.service = service;
		this.access = access;
	}

	@Override
	public Set<PhotoSubject> subjects() {
		return EnumSet.of(PhotoSubject.CIVIC_REPORT, PhotoSubject.CIVIC_RESOLUTION);
	}

	@Override
	public boolean maySee(PhotoSubject subject, long subjectId, long viewerUserId) {
		CivicReport report = this.reports.selectById(subjectId);
		if (report == null) {
			return false;
		}
		CivicReportView view = this.service.viewFor(viewer(viewerUserId), report);
		return view.privileged() || publicPhotos(view);
	}

	@Override
	public boolean mayReview(PhotoSubject subject, long subjectId, long viewerUserId) {
		CivicReport report = this.reports.selectById(subjectId);
		return report != null && this.service.viewFor(viewer(viewerUserId), report).staff();
	}

	/** Photos anyone may see: of a verified report, once staff marked them publishable. */
	static boolean publicPhotos(CivicReportView view) {
		return view.photosPublic() && view.status() == CivicStatus.VERIFIED;
	}

	private Actor viewer(long userId) {
		return new Actor(userId, this.access.grantsOf(userId));
	}

}
