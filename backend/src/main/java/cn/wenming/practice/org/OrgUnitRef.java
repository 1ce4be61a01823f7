package cn.wenming.practice.org;

/**
 * What other features need to know about an org unit: its level, its name and its materialised
 * path (for subtree scope checks with {@code AccessControl}).
 */
public record OrgUnitRef(long id, Long parentId, OrgLevel level, String name, String path, boolean open) {

	/** Whether {@code other} is this unit or lies below it. */
	public boolean contains(OrgUnitRef other) {
		return other.path().startsWith(this.path);
	}

}
