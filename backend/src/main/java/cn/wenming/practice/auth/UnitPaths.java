package cn.wenming.practice.auth;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What auth needs to know about org units: their level and materialised path, which scope an admin
 * grant. The org module owns the units and depends on auth, so auth cannot ask org's directory;
 * org implements this port instead, and grants keep only the unit id.
 */
public interface UnitPaths {

	/** The level (e.g. {@code CENTER}) and path of a unit, or empty when there is no such unit. */
	Optional<Unit> find(long unitId);

	/** Paths of many units in one statement, keyed by id; unknown ids are absent. */
	Map<Long, String> pathsOf(Collection<Long> unitIds);

	/** Ids of every unit in the subtree at {@code path} (the unit itself included). */
	List<Long> subtreeIds(String path);

	/** Ids of the open centers (where a bootstrap admin is made {@code CENTER_ADMIN}). */
	List<Long> openCenterIds();

	/** A unit as auth sees it. */
	record Unit(String level, String path) {
	}

}
