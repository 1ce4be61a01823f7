package cn.wenming.practice.need;

import java.util.List;

import cn.wenming.practice.auth.AccessControl;
import cn.wenming.practice.auth.Actor;
import cn.wenming.practice.org.OrgDirectory;
import cn.wenming.practice.org.OrgLevel;
import cn.wenming.practice.org.OrgUnitRef;
import cn.wenming.practice.shared.Connections;
import graphql.relay.Connection;

import org.springframework.stereotype.Service;

/** Reads of needs, one need or a page, each as {@link NeedVisibility} lets its viewer see it. */
@Service
class NeedQueries {

	private final NeedMapper needs;

	private final OrgDirectory orgs;

	private final AccessControl access;

	private final NeedVisibility visibility;

	private final NeedProperties properties;

	NeedQueries(NeedMapper needs, OrgDirectory orgs, AccessControl access, NeedVisibility visibility,
			NeedProperties properties) {
		this.properties = properties;
		this.needs = needs;
		this.orgs = orgs;
		this.access = access;
		this.visibility = visibility;
	}

	/** The need as the caller may see it, or null when they may not see it at all. */
	NeedView find(long id) {
		Actor actor = this.access.requireActor();
		Need need = this.needs.selectById(id);
		if (need == null) {
			return null;
		}
		return this.visibility.visibleTo(actor, need).orElse(null);
	}

	Connection<NeedView> mine(Connections.PageRequest page) {
		long userId = this.access.requireUserId();
		List<Need> rows = this.needs.pageOfResident(userId, page.afterId(), page.fetchSize());
		return Connections.of(rows.stream().map(this.visibility::forResident).toList(), page, NeedView::id);
	}

	/** The public wish wall: published needs in the subtree, public fields only (the type has no others). */
	Connection<Wish> wishWall(long orgUnitId, Connections.PageRequest page) {
		OrgUnitRef unit = this.orgs.require(orgUnitId);
		List<Need> rows = this.needs.pageInUnits(this.orgs.subtreeIds(unit.path()), NeedStatus.PUBLISHED,
				page.afterId(), page.fetchSize());
		return Connections.of(rows.stream().map(NeedVisibility::wish).toList(), page, Wish::id);
	}

	Connection<NeedView> stationNeeds(long orgUnitId, NeedStatus status, Connections.PageRequest page) {
		OrgUnitRef unit = this.orgs.require(orgUnitId);
		this.access.requireAdminOver(unit.path());
		List<Need> rows = this.needs.pageInUnits(this.orgs.subtreeIds(unit.path()), status, page.afterId(),
				page.fetchSize());
		// Every row lies under a unit the caller administers.
		return Connections.of(rows.stream().map(this.visibility::forAdmin).toList(), page, NeedView::id);
	}

	/** The dispatch desk's order: escalated first, then by the current stage's deadline (NeedMapper#pageDueInUnits). */
	Connection<NeedView> stationNeedsDue(long orgUnitId, NeedStatus status, int first, int offset) {
		OrgUnitRef unit = this.orgs.require(orgUnitId);
		this.access.requireAdminOver(unit.path());
		List<Need> rows = this.needs.pageDueInUnits(this.orgs.subtreeIds(unit.path()), status,
				this.properties.reviewWithin().toSeconds(), this.properties.dispatchWithin().toSeconds(),
				this.properties.acceptWithin().toSeconds(), offset, first + 1);
		return Connections.ofOffset(rows.stream().map(this.visibility::forAdmin).toList(), first, offset);
	}

	/**
	 * When the need's current stage is due, by the rules {@link NeedDeadlines} escalates on: review
	 * within {@code reviewWithin} of submission, dispatch or claim within {@code dispatchWithin} of
	 * publication, acceptance within {@code acceptWithin} of dispatch, then the completion deadline.
	 * Null for a finished need, or a claimed one without a deadline.
	 */
	java.time.Instant stageDeadline(NeedView need) {
		return switch (need.status()) {
			case SUBMITTED -> need.createdAt().plus(this.properties.reviewWithin());
			case PUBLISHED -> (need.stageStartedAt() == null) ? null
					: need.stageStartedAt().plus(this.properties.dispatchWithin());
			case DISPATCHED -> (need.dispatchedAt() == null) ? null
					: need.dispatchedAt().plus(this.properties.acceptWithin());
			case CLAIMED, ACCEPTED, IN_PROGRESS -> need.deadlineAt();
			default -> null;
		};
	}

	/**
	 * Needs of the unit's subtree escalated to the unit's own level: a 所 admin sees what was
	 * escalated to 所 level in their 所, the center what reached the center. Stations and points are
	 * not escalation targets, so their list is empty.
	 */
	Connection<NeedView> overdue(long orgUnitId, Connections.PageRequest page) {
		OrgUnitRef unit = this.orgs.require(orgUnitId);
		this.access.requireAdminOver(unit.path());
		if (unit.level() != OrgLevel.INSTITUTE && unit.level() != OrgLevel.CENTER && unit.level() != OrgLevel.CITY) {
			return Connections.of(List.<NeedView>of(), page, NeedView::id);
		}
		// Needs escalate to the county at most: a city sees what reached its counties' centers.
		OrgLevel target = (unit.level() == OrgLevel.CITY) ? OrgLevel.CENTER : unit.level();
		List<Need> rows = this.needs.pageEscalatedInUnits(this.orgs.subtreeIds(unit.path()), target,
				page.afterId(), page.fetchSize());
		return Connections.of(rows.stream().map(this.visibility::forAdmin).toList(), page, NeedView::id);
	}

	/** Needs of the unit's subtree with participants' hours waiting for confirmation (admins of the unit). */
	Connection<NeedView> pendingHours(long orgUnitId, Connections.PageRequest page) {
		OrgUnitRef unit = this.orgs.require(orgUnitId);
		this.access.requireAdminOver(unit.path());
		List<Need> rows = this.needs.pageWithPendingHours(this.orgs.subtreeIds(unit.path()), page.afterId(),
				page.fetchSize());
		return Connections.of(rows.stream().map(this.visibility::forAdmin).toList(), page, NeedView::id);
	}

}
