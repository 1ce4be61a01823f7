package cn.wenming.practice.activity;

import java.util.Optional;

import cn.wenming.practice.org.OrgUnitCloseGuard;
import cn.wenming.practice.org.OrgUnitRef;

import org.springframework.stereotype.Component;

/** An org unit cannot be closed while it has activities not yet finished or cancelled. */
@Component
class ActivityCloseGuard implements OrgUnitCloseGuard {

	private final ActivityMapper activities;

	ActivityCloseGuard(ActivityMapper activities) {
		this.activities = activities;
	}

	@Override
	public Optional<String> openWork(OrgUnitRef unit) {
		int open = this.activities.countUnfinishedInUnit(unit.id());
		return (open == 0) ? Optional.empty() : Optional.of(open + " 个活动尚未结束或取消");
	}

}
