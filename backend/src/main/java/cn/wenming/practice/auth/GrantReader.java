package cn.wenming.practice.auth;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Component;

/**
 * Role grants with the path of the unit each is granted on: the grants from auth's table, the paths
 * in one batch from org through {@link UnitPaths}, asked only when a grant names a unit (residents
 * and volunteers, most requests, cost no second statement).
 */
@Component
class GrantReader {

	private final UserRoleMapper roles;

	private final UnitPaths units;

	GrantReader(UserRoleMapper roles, UnitPaths units) {
		this.roles = roles;
		this.units = units;
	}

	List<RoleGrant> grantsOf(long userId) {
		List<UserRoleMapper.GrantRow> rows = this.roles.grantsOf(userId);
		Map<Long, String> paths = pathsOf(rows);
		return rows.stream().map(row -> row.toGrant(paths)).toList();
	}

	/** Grants of many users, keyed by user id in grant order; users without grants are absent. */
	Map<Long, List<RoleGrant>> grantsOfUsers(Collection<Long> userIds) {
		if (userIds.isEmpty()) {
			return Map.of();
		}
		List<UserRoleMapper.GrantRow> rows = this.roles.grantsOfUsers(userIds);
		Map<Long, String> paths = pathsOf(rows);
		Map<Long, List<RoleGrant>> byUser = new LinkedHashMap<>();
		for (UserRoleMapper.GrantRow row : rows) {
			byUser.computeIfAbsent(row.userId, id -> new java.util.ArrayList<>()).add(row.toGrant(paths));
		}
		return byUser;
	}

	private Map<Long, String> pathsOf(List<UserRoleMapper.GrantRow> rows) {
		List<Long> unitIds = rows.stream().map(row -> row.orgUnitId).filter(Objects::nonNull).distinct().toList();
		return unitIds.isEmpty() ? Map.of() : this.units.pathsOf(unitIds);
	}

}
