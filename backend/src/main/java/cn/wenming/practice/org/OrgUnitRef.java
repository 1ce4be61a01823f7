package cn.wenming.practice.org;

import java.util.ArrayList;
import java.util.List;

/**
 * What other features need to know about an org unit: its level, its name and its materialised
 * path (for subtree scope checks with {@code AccessControl}).
 */
public record OrgUnitRef(long id, Long parentId, OrgLevel level, String name, String path, boolean open) {

	/** The ids on this unit's path, from the root down to the unit itself. */
	public List<Long> pathIds() {
		return idsOnPath(this.path);
	}

	/** The ids on a materialised path such as {@code /1/5/9/}, root first. */
	public static List<Long> idsOnPath(String path) {
		List<Long> ids = new ArrayList<>();
		for (String segment : path.split("/")) {
			if (!segment.isEmpty()) {
				ids.add(Long.valueOf(segment));
			}
		}
		return ids;
	}

	/** Whether {@code other} is this unit or lies below it. */
	public boolean contains(OrgUnitRef other) {
		return other.path().startsWith(this.path);
	}

}
