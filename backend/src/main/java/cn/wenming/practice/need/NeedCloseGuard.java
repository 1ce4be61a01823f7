package cn.wenming.practice.need;

import java.util.Optional;

import cn.wenming.practice.org.OrgUnitCloseGuard;
import cn.wenming.practice.org.OrgUnitRef;

import org.springframework.stereotype.Component;

/** A station cannot be closed while it has needs still in the workflow: they would be orphaned. */
@Component
class NeedCloseGuard implements OrgUnitCloseGuard {

	private final NeedMapper needs;

	NeedCloseGuard(NeedMapper needs) {
		this.needs = needs;
	}

	@Override
	public Optional<String> openWork(OrgUnitRef unit) {
		int open = this.needs.countInStatuses(unit.id(), NeedStatus.OPEN);
		return (open == 0) ? Optional.empty() : Optional.of(open + " 条需求尚未办结");
	}

}
