package cn.wenming.practice.org;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import cn.wenming.practice.auth.AccessControl;
import cn.wenming.practice.auth.RoleGrant;
import cn.wenming.practice.shared.Connections;
import graphql.relay.Connection;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Org units: the public tree, the admin mutations, and the 15-minute service circle. */
@Controller
class OrgController {

	/** A mobile number or a landline with its area code (as for a need's contact phone). */
	static final String PHONE = "^(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8})$";

	private final OrgUnitService service;

	private final OrgUnitMapper units;

	private final NearbyStationIndex nearby;

	private final CivilizedUnitService civilizedUnits;

	private final AccessControl access;

	OrgController(OrgUnitService service, OrgUnitMapper units, NearbyStationIndex nearby,
			CivilizedUnitService civilizedUnits, AccessControl access) {
		this.access = access;
		this.service = service;
		this.units = units;
		this.nearby = nearby;
		this.civilizedUnits = civilizedUnits;
	}

	/** Input of {@code createOrgUnit}. */
	record CreateOrgUnitInput(Long parentId, @NotNull OrgLevel level, @NotBlank @Size(max = 100) String name,
			@Size(max = 255) String address, @Pattern(regexp = "\\d{6,12}") String regionCode,
			@DecimalMin("-90") @DecimalMax("90") Double latitude,
			@DecimalMin("-180") @DecimalMax("180") Double longitude, @Pattern(regexp = "[A-Za-z0-9_\\-]{8,64}") String idempotencyKey) {
	}

	/** Input of {@code updateOrgUnitLocation}. */
	record UpdateOrgUnitLocationInput(@NotNull Long id, @Size(max = 255) String address,
			@Pattern(regexp = "\\d{6,12}") String regionCode, @DecimalMin("-90") @DecimalMax("90") Double latitude,
			@DecimalMin("-180") @DecimalMax("180") Double longitude) {
	}

	/** One result of {@code nearbyStations}. */
	record NearbyStation(OrgUnit station, double distanceMeters) {
	}

	@QueryMapping
	OrgUnit orgUnit(@Argument long id) {
		return this.service.find(id);
	}

	@QueryMapping
	Connection<OrgUnit> orgUnits(@Argument long parentId, @Argument Integer first, @Argument String after) {
		return this.service.children(parentId, Connections.page(first, after));
	}

	@QueryMapping
	List<OrgUnitService.TreeNode> orgTree(@Argument long rootId) {
		return this.service.tree(rootId);
	}

	/**
	 * The units the caller's admin roles cover, for the console's unit picker: one request and one
	 * statement, where a tree per grant cost a request each (an admin of many units waited for all).
	 */
	@QueryMapping
	List<OrgUnitService.TreeNode> myOrgTree() {
		List<Long> granted = this.access.requireActor()
			.grants()
			.stream()
			.filter(grant -> grant.role().isAdmin() && grant.orgUnitId() != null)
			.map(RoleGrant::orgUnitId)
			.toList();
		return this.service.trees(granted);
	}

	@QueryMapping
	List<NearbyStation> nearbyStations(@Argument @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
			@Argument @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude,
			@Argument @NotNull @Min(1) @Max(50_000) Integer radiusMeters,
			@Argument @NotNull @Min(1) @Max(Connections.MAX_FIRST) Integer first) {
		List<NearbyStationIndex.Hit> hits = this.nearby.search(latitude, longitude, radiusMeters, first);
		Map<Long, OrgUnit> byId = this.units.findByIds(hits.stream().map(NearbyStationIndex.Hit::stationId).toList())
			.stream()
			.collect(Collectors.toMap(OrgUnit::getId, Function.identity()));
		List<NearbyStation> result = new ArrayList<>(hits.size());
		for (NearbyStationIndex.Hit hit : hits) {
			OrgUnit station = byId.get(hit.stationId());
			// The index is a cache: trust MySQL for whether the station is still an open station.
			if (station != null && station.getLevel() == OrgLevel.STATION && OrgUnit.OPEN.equals(station.getStatus())) {
				result.add(new NearbyStation(station, hit.distanceMeters()));
			}
		}
		return result;
	}

	@MutationMapping
	OrgUnit createOrgUnit(@Argument @Valid CreateOrgUnitInput input) {
		return this.service.create(new OrgUnitService.NewUnit(input.parentId(), input.level(), input.name(),
				input.address(), input.regionCode(), input.latitude(), input.longitude(), input.idempotencyKey()));
	}

	@MutationMapping
	OrgUnit renameOrgUnit(@Argument long id, @Argument @NotBlank @Size(max = 100) String name) {
		return this.service.rename(id, name);
	}

	@MutationMapping
	OrgUnit updateOrgUnitPhone(@Argument long id,
			@Argument @Pattern(regexp = PHONE, message = "请填写手机号或固定电话") String phone) {
		return this.service.updatePhone(id, phone);
	}

	@MutationMapping
	OrgUnit updateOrgUnitLocation(@Argument @Valid UpdateOrgUnitLocationInput input) {
		return this.service.updateLocation(input.id(), input.address(), input.regionCode(), input.latitude(),
				input.longitude());
	}

	@MutationMapping
	OrgUnit moveOrgUnit(@Argument long id, @Argument long newParentId) {
		return this.service.move(id, newParentId);
	}

	@MutationMapping
	OrgUnit closeOrgUnit(@Argument long id) {
		return this.service.close(id);
	}

	/**
	 * One query for the parents of every unit at this level of the response. A center has none: an
	 * absent key, since a list answer cannot hold null (Spring GraphQL streams it through a Flux).
	 */
	@BatchMapping(typeName = "OrgUnit")
	Map<OrgUnit, OrgUnit> parent(List<OrgUnit> children) {
		Map<Long, OrgUnit> parents = byId(this.units.findByIds(
				children.stream().map(OrgUnit::getParentId).filter(Objects::nonNull).distinct().toList()));
		Map<OrgUnit, OrgUnit> result = new HashMap<>();
		for (OrgUnit child : children) {
			OrgUnit parent = (child.getParentId() == null) ? null : parents.get(child.getParentId());
			if (parent != null) {
				result.put(child, parent);
			}
		}
		return result;
	}

	/** One query for the children of every unit at this level of the response. */
	@BatchMapping(typeName = "OrgUnit")
	List<List<OrgUnit>> children(List<OrgUnit> parents) {
		Map<Long, List<OrgUnit>> byParent = this.units
			.childrenOf(parents.stream().map(OrgUnit::getId).distinct().toList())
			.stream()
			.collect(Collectors.groupingBy(OrgUnit::getParentId));
		return parents.stream().map(unit -> byParent.getOrDefault(unit.getId(), List.of())).toList();
	}

	/** One query for the live pairings of every 站, 所 or 中心 at this level; a 点 has none. */
	@BatchMapping(typeName = "OrgUnit")
	List<List<CivilizedUnit>> pairedUnits(List<OrgUnit> units) {
		List<Long> pairable = units.stream()
			.filter(unit -> CivilizedUnitService.PAIRABLE.contains(unit.getLevel()))
			.map(OrgUnit::getId)
			.distinct()
			.toList();
		Map<Long, List<CivilizedUnit>> byUnit = this.civilizedUnits.pairedWith(pairable)
			.stream()
			.collect(Collectors.groupingBy(CivilizedUnit::getPairedUnitId));
		return units.stream().map(unit -> byUnit.getOrDefault(unit.getId(), List.of())).toList();
	}

	private static Map<Long, OrgUnit> byId(List<OrgUnit> rows) {
		return rows.stream().collect(Collectors.toMap(OrgUnit::getId, Function.identity()));
	}

}
