package cn.wenming.practice.need;

import cn.wenming.practice.auth.AccessControl;
import cn.wenming.practice.auth.Actor;
import cn.wenming.practice.media.PhotoAccess;
import cn.wenming.practice.media.PhotoSubject;
import cn.wenming.practice.org.OrgDirectory;

import org.springframework.stereotype.Component;

/**
 * Who may fetch the bytes of a need's passed photos: the same people who see its private fields
 * ({@link NeedVisibility#privileged}), checked again on every fetch, so a URL stops working when the
 * viewer's right ends (the assignee, 7 days after the need closed).
 */
@Component
class NeedPhotoAccess implements PhotoAccess {

	private final NeedMapper needs;

	private final NeedVisibility visibility;

	private final AccessControl access;

	private final OrgDirectory orgs;

	NeedPhotoAccess(NeedMapper needs, NeedVisibility visibility, AccessControl access, OrgDirectory orgs) {
		this.orgs = orgs;
		this.needs = needs;
		this.visibility = visibility;
		this.access = access;
	}

	@Override
	public java.util.Set<PhotoSubject> subjects() {
		return java.util.EnumSet.of(PhotoSubject.NEED, PhotoSubject.NEED_COMPLETION);
	}

	@Override
	public boolean maySee(PhotoSubject subject, long subjectId, long viewerUserId) {
		Need need = this.needs.selectById(subjectId);
		if (need == null) {
			return false;
		}
		return this.visibility.privileged(new Actor(viewerUserId, this.access.grantsOf(viewerUserId)), need);
	}

	/** The admins covering the need's station review its held photos (the dispatch desk). */
	@Override
	public boolean mayReview(PhotoSubject subject, long subjectId, long viewerUserId) {
		Need need = this.needs.selectById(subjectId);
		if (need == null) {
			return false;
		}
		Actor actor = new Actor(viewerUserId, this.access.grantsOf(viewerUserId));
		return actor.isAnyAdmin() && actor.isAdminOver(this.orgs.require(need.getStationId()).path());
	}

}
