package cn.wenming.practice.project;

import cn.wenming.practice.volunteer.ServiceCategory;

/**
 * What other features know of a service project: its org unit (whose admins run its activities),
 * the category new activities take, and whether it still takes new ones.
 */
public record ProjectRef(long id, long orgUnitId, ServiceCategory category, boolean archived) {
}
