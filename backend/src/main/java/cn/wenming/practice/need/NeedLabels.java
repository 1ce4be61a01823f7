package cn.wenming.practice.need;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.wenming.practice.org.OrgDirectory;
import cn.wenming.practice.org.OrgUnitRef;

import org.springframework.stereotype.Component;

/**
 * The category and the station name of a page of needs or wishes, one query each, in the order
 * asked: what the {@code category} and {@code stationName} batch mappings of both types return.
 */
@Component
class NeedLabels {

	private final NeedCategoryMapper categories;

	private final OrgDirectory orgs;

	NeedLabels(NeedCategoryMapper categories, OrgDirectory orgs) {
		this.categories = categories;
		this.orgs = orgs;
	}

	List<NeedCategory> categories(List<Long> categoryIds) {
		Map<Long, NeedCategory> byId = this.categories.findByIds(categoryIds.stream().distinct().toList())
			.stream()
			.collect(Collectors.toMap(NeedCategory::getId, Function.identity()));
		return categoryIds.stream().map(byId::get).toList();
	}

	/** The stations' names; empty for a station that is gone. */
	List<String> stationNames(List<Long> stationIds) {
		Map<Long, OrgUnitRef> byId = this.orgs.findAll(stationIds);
		return stationIds.stream().map(id -> {
			OrgUnitRef station = byId.get(id);
			return (station == null) ? "" : station.name();
		}).toList();
	}

}
