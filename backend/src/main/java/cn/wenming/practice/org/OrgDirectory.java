package cn.wenming.practice.org;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.wenming.practice.shared.DomainException;

import org.springframework.stereotype.Component;

/** Read access to org units for other features. */
@Component
public class OrgDirectory {

	private final OrgUnitMapper units;

	OrgDirectory(OrgUnitMapper units) {
		this.units = units;
	}

	public Optional<OrgUnitRef> find(long id) {
		return Optional.ofNullable(this.units.selectById(id)).map(OrgUnit::toRef);
	}

	/** The unit, or {@code NOT_FOUND}. */
	public OrgUnitRef require(long id) {
		return find(id).orElseThrow(() -> DomainException.notFound("组织单位"));
	}

	/** Many units in one query, keyed by id; missing ids are absent. */
	public Map<Long, OrgUnitRef> findAll(Collection<Long> ids) {
		return this.units.findByIds(ids.stream().distinct().toList())
			.stream()
			.map(OrgUnit::toRef)
			.collect(Collectors.toMap(OrgUnitRef::id, Function.identity()));
	}

}
