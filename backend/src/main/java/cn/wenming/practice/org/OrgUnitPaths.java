package cn.wenming.practice.org;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import cn.wenming.practice.auth.UnitPaths;

import org.springframework.stereotype.Component;

/** Org's side of auth's {@link UnitPaths} port. */
@Component
class OrgUnitPaths implements UnitPaths {

	private final OrgUnitMapper units;

	OrgUnitPaths(OrgUnitMapper units) {
		this.units = units;
	}

	@Override
	public Optional<Unit> find(long unitId) {
		return Optional.ofNullable(this.units.selectById(unitId))
			.map(unit -> new Unit(unit.getLevel().name(), unit.getPath()));
	}

	@Override
	public Map<Long, String> pathsOf(Collection<Long> unitIds) {
		return this.units.findByIds(unitIds.stream().distinct().toList())
			.stream()
			.collect(Collectors.toMap(OrgUnit::getId, OrgUnit::getPath));
	}

	@Override
	public List<Long> subtreeIds(String path) {
		return this.units.idsInSubtree(path);
	}

	@Override
	public List<Long> openCenterIds() {
		return this.units.openCenterIds();
	}

}
