package cn.wenming.practice.org;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import cn.wenming.practice.auth.AccessControl;
import cn.wenming.practice.auth.Actor;
import cn.wenming.practice.shared.Connections;
import cn.wenming.practice.shared.Masking;
import graphql.GraphQLContext;
import graphql.relay.Connection;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** 文明单位 and 结对共建. */
@Controller
class CivilizedUnitController {

	private static final String ACTOR_KEY = CivilizedUnitController.class.getName() + ".actor";

	private final CivilizedUnitService service;

	private final OrgUnitMapper units;

	private final CivilizedUnitMapper civilizedUnits;

	private final AccessControl access;

	CivilizedUnitController(CivilizedUnitService service, OrgUnitMapper units, CivilizedUnitMapper civilizedUnits,
			AccessControl access) {
		this.service = service;
		this.units = units;
		this.civilizedUnits = civilizedUnits;
		this.access = access;
	}

	/** Input of {@code createCivilizedUnit}. */
	record CreateCivilizedUnitInput(@NotBlank @Size(max = 100) String name, @NotNull Long orgUnitId,
			@Size(max = 50) String contactName, @Pattern(regexp = "[0-9+\\-]{5,20}") String contactPhone) {
	}

	@MutationMapping
	CivilizedUnit createCivilizedUnit(@Argument @Valid CreateCivilizedUnitInput input) {
		return this.service.create(input.name(), input.orgUnitId(), input.contactName(), input.contactPhone());
	}

	@MutationMapping
	CivilizedUnitService.Pairing pairCivilizedUnit(@Argument long civilizedUnitId, @Argument long stationId) {
		return this.service.pair(civilizedUnitId, stationId);
	}

	@MutationMapping
	boolean unpairCivilizedUnit(@Argument long civilizedUnitId, @Argument long stationId) {
		return this.service.unpair(civilizedUnitId, stationId);
	}

	@QueryMapping
	Connection<CivilizedUnit> civilizedUnits(@Argument long orgUnitId, @Argument Integer first,
			@Argument String after) {
		return this.service.under(orgUnitId, Connections.page(first, after));
	}

	@BatchMapping(typeName = "CivilizedUnit")
	Map<CivilizedUnit, OrgUnit> orgUnit(List<CivilizedUnit> rows) {
		Map<Long, OrgUnit> byId = this.units
			.findByIds(rows.stream().map(CivilizedUnit::getOrgUnitId).distinct().toList())
			.stream()
			.collect(Collectors.toMap(OrgUnit::getId, Function.identity()));
		// A map, not a list: a list answer cannot hold null (Spring GraphQL streams it through a Flux).
		Map<CivilizedUnit, OrgUnit> result = new HashMap<>();
		rows.forEach(row -> Optional.ofNullable(byId.get(row.getOrgUnitId()))
			.ifPresent(unit -> result.put(row, unit)));
		return result;
	}

	@BatchMapping(typeName = "CivilizedUnit")
	List<List<OrgUnit>> pairedStations(List<CivilizedUnit> rows) {
		List<CivilizedUnitMapper.PairingRow> pairings = rows.isEmpty() ? List.of()
				: this.civilizedUnits.stationsPairedWith(rows.stream().map(CivilizedUnit::getId).distinct().toList());
		Map<Long, OrgUnit> stations = pairings.isEmpty() ? Map.of() : this.units
			.findByIds(pairings.stream().map(p -> p.stationId).distinct().toList())
			.stream()
			.collect(Collectors.toMap(OrgUnit::getId, Function.identity()));
		Map<Long, List<OrgUnit>> byUnit = pairings.stream()
			.filter(p -> stations.containsKey(p.stationId))
			.collect(Collectors.groupingBy(p -> p.civilizedUnitId,
					Collectors.mapping(p -> stations.get(p.stationId), Collectors.toList())));
		return rows.stream().map(row -> byUnit.getOrDefault(row.getId(), List.of())).toList();
	}

	@SchemaMapping(typeName = "CivilizedUnit")
	String contactPhone(CivilizedUnit unit, GraphQLContext context) {
		return CivilizedUnitService.canSeeContact(actor(context), unit) ? unit.getContactPhone()
				: Masking.phone(unit.getContactPhone());
	}

	@SchemaMapping(typeName = "CivilizedUnit")
	String contactName(CivilizedUnit unit, GraphQLContext context) {
		return CivilizedUnitService.canSeeContact(actor(context), unit) ? unit.getContactName()
				: Masking.name(unit.getContactName());
	}

	/** The caller's grants, read once per request however many units are listed. */
	private Actor actor(GraphQLContext context) {
		Optional<Actor> actor = context.computeIfAbsent(ACTOR_KEY, key -> Optional.ofNullable(this.access.currentActor()));
		return actor.orElse(null);
	}

}
