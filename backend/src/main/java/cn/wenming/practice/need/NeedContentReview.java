package cn.wenming.practice.need;

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
import cn.wenming.practice.media.PhotoSubject;
import cn.wenming.practice.media.Photos;
import cn.wenming.practice.org.OrgDirectory;
import cn.wenming.practice.org.OrgUnitRef;
import cn.wenming.practice.shared.CommonError;
import cn.wenming.practice.shared.Connections;
import cn.wenming.practice.shared.DomainException;
import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import graphql.relay.Connection;

import org.springframework.stereotype.Service;

/**
 * The dispatch desk's review queues (issue 16): needs whose completion note or rating comment is
 * held, and photos of needs that WeChat has not passed (checking, never checked, judged risky),
 * each for the admins covering the need's station. Photo decisions are recorded by the media
 * module on the photo (reviewer, time, outcome).
 */
@Service
class NeedContentReview {

	/** The photo subjects of needs: the resident's photos and the completion photos. */
	static final Set<PhotoSubject> NEED_PARTS = EnumSet.of(PhotoSubject.NEED, PhotoSubject.NEED_COMPLETION);

	private final NeedMapper needs;

	private final NeedWorkflow workflow;

	private final NeedVisibility visibility;

	private final OrgDirectory orgs;

	private final AccessControl access;

	private final Photos photos;

	NeedContentReview(NeedMapper needs, NeedWorkflow workflow, NeedVisibility visibility, OrgDirectory orgs,
			AccessControl access, Photos photos) {
		this.needs = needs;
		this.workflow = workflow;
		this.visibility = visibility;
		this.orgs = orgs;
		this.access = access;
		this.photos = photos;
	}

	/** A held photo with the need it belongs to. */
	record HeldNeedPhoto(HeldPhoto photo, Need need, String stationName) {

		long id() {
			return this.photo.id();
		}

	}

	/** Needs under the unit with a held completion note or rating comment, newest first. */
	Connection<NeedView> heldTexts(long orgUnitId, Connections.PageRequest page) {
		OrgUnitRef unit = this.orgs.require(orgUnitId);
		this.access.requireAdminOver(unit.path());
		List<Long> stations = this.orgs.subtreeIds(unit.path());
		var query = Wrappers.lambdaQuery(Need.class)
			.in(Need::getStationId, stations)
			.and((held) -> held.isNotNull(Need::getCompletionNoteHold).or().isNotNull(Need::getRatingCommentHold))
			.lt(page.afterId() != null, Need::getId, page.afterId())
			.orderByDesc(Need::getId)
			.last("LIMIT " + page.fetchSize());
		List<Need> rows = this.needs.selectList(query);
		return Connections.of(rows.stream().map(this.visibility::forAdmin).toList(), page, NeedView::id);
	}

	/**
	 * Held photos of the needs under the unit, oldest first: one indexed statement in the media
	 * module (held photos of need subjects attached in the unit's stations, V52), then the page's needs
	 * and stations in one statement each, whatever the page size.
	 */
	Connection<HeldNeedPhoto> heldPhotos(long orgUnitId, Connections.PageRequest page) {
		OrgUnitRef unit = this.orgs.require(orgUnitId);
		Actor actor = this.access.requireAdminOver(unit.path());
		long afterId = (page.afterId() == null) ? 0 : page.afterId();
		List<HeldPhoto> held = this.photos.held(NEED_PARTS, this.orgs.subtreeIds(unit.path()), afterId,
				page.fetchSize(), actor.userId());
		Map<Long, Need> byId = held.isEmpty() ? Map.of()
				: this.needs.findByIds(held.stream().map(HeldPhoto::subjectId).distinct().toList())
					.stream()
					.collect(Collectors.toMap(Need::getId, Function.identity()));
		List<HeldNeedPhoto> out = new ArrayList<>();
		for (HeldPhoto photo : held) {
			Need need = byId.get(photo.subjectId());
			if (need != null) {
				out.add(new HeldNeedPhoto(photo, need, null));
			}
		}
		return Connections.of(withStationNames(out), page, HeldNeedPhoto::id);
	}

	/**
	 * An admin covering the need's station approves (shown as if WeChat passed it) or rejects
	 * (never shown) a held photo. {@code NOT_FOUND} for an unknown photo or one not on a need,
	 * {@code FORBIDDEN} outside the caller's units, {@code PHOTO_NOT_HELD} when already decided.
	 */
	HeldNeedPhoto review(long photoId, boolean approve) {
		Actor caller = this.access.requireActor();
		HeldPhoto photo = this.photos.forReview(photoId, caller.userId());
		Need need = (photo != null && ofNeed(photo)) ? this.needs.selectById(photo.subjectId()) : null;
		if (need == null) {
			throw new DomainException(CommonError.NOT_FOUND, "照片不存在");
		}
		this.workflow.requireAdminOfStation(need);
		if (!this.photos.review(photoId, approve, caller.userId())) {
			throw new DomainException(MediaError.PHOTO_NOT_HELD);
		}
		HeldPhoto decided = this.photos.forReview(photoId, caller.userId());
		return withStationNames(List.of(new HeldNeedPhoto(decided, need, null))).get(0);
	}

	private List<HeldNeedPhoto> withStationNames(List<HeldNeedPhoto> rows) {
		Map<Long, OrgUnitRef> units = this.orgs.findAll(rows.stream().map((row) -> row.need().getStationId()).distinct().toList());
		return rows.stream().map((row) -> {
			OrgUnitRef unit = units.get(row.need().getStationId());
			return new HeldNeedPhoto(row.photo(), row.need(), (unit == null) ? "" : unit.name());
		}).toList();
	}

	private static boolean ofNeed(HeldPhoto photo) {
		return NEED_PARTS.contains(photo.subject());
	}

}
