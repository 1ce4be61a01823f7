package cn.wenming.practice.mp;

import java.time.Instant;
import java.util.List;

import cn.wenming.practice.activity.SignUpSources;
import cn.wenming.practice.auth.AccessControl;
import cn.wenming.practice.org.OrgDirectory;
import cn.wenming.practice.org.OrgUnitRef;
import cn.wenming.practice.shared.DomainException;

import org.springframework.stereotype.Component;

/**
 * Sign-up attribution (报名来源): which entry points (the account's menu and messages, articles,
 * QR codes …) brought sign-ups to a unit's activities. For the admins of the unit or above it.
 */
@Component
class MpAttribution {

	private final SignUpSources sources;

	private final OrgDirectory orgs;

	private final AccessControl access;

	MpAttribution(SignUpSources sources, OrgDirectory orgs, AccessControl access) {
		this.sources = sources;
		this.orgs = orgs;
		this.access = access;
	}

	List<SignUpSources.SourceCount> signUpSources(long orgUnitId, Instant from, Instant to) {
		OrgUnitRef unit = this.orgs.require(orgUnitId);
		this.access.requireAdminOver(unit.path());
		if (!from.isBefore(to)) {
			throw DomainException.badRequest("开始时间须早于结束时间");
		}
		return this.sources.inSubtree(unit, from, to);
	}

}
