package cn.wenming.practice.org;

import java.util.Optional;

/**
 * Implemented by features that keep work in an org unit (teams, needs, activities). A unit
 * cannot be closed while any guard reports open work in it.
 */
public interface OrgUnitCloseGuard {

	/** A short human reason (e.g. "3 个队伍仍在运行") if the unit has open work, else empty. */
	Optional<String> openWork(OrgUnitRef unit);

}
