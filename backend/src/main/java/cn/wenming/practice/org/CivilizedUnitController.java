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
import cn.wenming.practice.shared.DomainException;
import cn.wenming.practice.shared.Masking;
import graphql.GraphQLContext;
import graphql.relay.Connection;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** 文明单位, 文明校园 and 结对共建 with a 站, 所 or 中心. */
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

	/** Input of {@code createCivilizedUnit}; {@code kind} null means a 文明单位. */
	record CreateCivilizedUnitInput(@NotBlank @Size(max = 100) String name, @NotNull Long orgUnitId,
			@Size(max = 50) String contactName, @Pattern(regexp = "[0-9+\\-]{5,20}") String contactPhone,
			CivilizedUnitKind kind, SchoolLevel schoolLevel, @Pattern(regexp = "[A-Za-z0-9_\\-]{8,64}") String idempotencyKey) {
	}

	@MutationMapping
	CivilizedUnit createCivilizedUnit(@Argument @Valid CreateCivilizedUnitInput input) {
		return this.service.create(new CivilizedUnitService.NewCivilizedUnit(input.name(), input.orgUnitId(),
				input.contactName(), input.contactPhone(), input.kind(), input.schoolLevel(), input.idempotencyKey()));
	}

	/** {@code orgUnitId} names a 站, 所 or 中心; the older {@code stationId} a station. Exactly one. */
	@MutationMapping
	CivilizedUnitService.Pairing pairCivilizedUnit(@Argument long civilizedUnitId, @Argument Long orgUnitId,
			@Argument Long stationId) {
		return this.service.pair(civilizedUnitId, target(orgUnitId, stationId), stationId != null);
	}

	@MutationMapping
	boolean unpairCivilizedUnit(@Argument long civilizedUnitId, @Argument Long orgUnitId, @Argument Long stationId,
			@Argument String reason) {
		return this.service.unpair(civilizedUnitId, target(orgUnitId, stationId), reason);
	}

	@QueryMapping
	Connection<CivilizedUnit> civilizedUnits(@Argument long orgUnitId, @Argument CivilizedUnitKind kind,
			@Argument Integer first, @Argument String after) {
		return this.service.under(orgUnitId, kind, Connections.page(first, after));
	}

	@BatchMapping(typeName = "CivilizedUnit")
	Map<CivilizedUnit, OrgUnit> orgUnit(List<CivilizedUnit> rows) {
		Map<Long, OrgUnit> byId = unitsById(rows.stream().map(CivilizedUnit::getOrgUnitId).distinct().toList());
		// A map, not a list: a list answer cannot hold null (Spring GraphQL streams it through a Flux).
		Map<CivilizedUnit, OrgUnit> result = new HashMap<>();
		rows.forEach(row -> Optional.ofNullable(byId.get(row.getOrgUnitId()))
			.ifPresent(unit -> result.put(row, unit)));
		return result;
	}

	/** The live pairings with stations only: the field from before pairings with 所 and 中心. */
	@BatchMapping(typeName = "CivilizedUnit")
	List<List<OrgUnit>> pairedStations(List<CivilizedUnit> rows) {
		return pairedUnits(rows).stream()
			.map(units -> units.stream().filter(unit -> unit.getLevel() == OrgLevel.STATION).toList())
			.toList();
	}

	/** The live pairings with a 站, 所 or 中心, two queries for every unit of the response. */
	@BatchMapping(typeName = "CivilizedUnit")
	List<List<OrgUnit>> pairedUnits(List<CivilizedUnit> rows) {
		List<CivilizedUnitMapper.PairingRow> pairings = rows.isEmpty() ? List.of()
				: this.civilizedUnits.unitsPairedWith(rows.stream().map(CivilizedUnit::getId).distinct().toList());
		Map<Long, OrgUnit> paired = unitsById(pairings.stream().map(p -> p.orgUnitId).distinct().toList());
		Map<Long, List<OrgUnit>> byUnit = pairings.stream()
			.filter(p -> paired.containsKey(p.orgUnitId))
			.collect(Collectors.groupingBy(p -> p.civilizedUnitId,
					Collectors.mapping(p -> paired.get(p.orgUnitId), Collectors.toList())));
		return rows.stream().map(row -> byUnit.getOrDefault(row.getId(), List.of())).toList();
	}

	/** Every pairing, live or ended, newest first: two queries for every unit of the response. */
	@BatchMapping(typeName = "CivilizedUnit")
	List<List<CivilizedUnitService.Pairing>> pairings(List<CivilizedUnit> rows) {
		List<CivilizedUnitMapper.PairingHistoryRow> history = rows.isEmpty() ? List.of()
				: this.civilizedUnits.history(rows.stream().map(CivilizedUnit::getId).distinct().toList());
		Map<Long, OrgUnit> paired = unitsById(history.stream().map(p -> p.orgUnitId).distinct().toList());
		Map<Long, CivilizedUnit> byId = new HashMap<>();
		rows.forEach(row -> byId.putIfAbsent(row.getId(), row));
		Map<Long, List<CivilizedUnitService.Pairing>> byUnit = history.stream()
			.filter(p -> paired.containsKey(p.orgUnitId))
			.collect(Collectors.groupingBy(p -> p.civilizedUnitId,
					Collectors.mapping(p -> new CivilizedUnitService.Pairing(p.id, byId.get(p.civilizedUnitId),
							paired.get(p.orgUnitId), p.pairedAt, p.pairedBy, p.active != null && p.active == 1,
							p.unpairedAt, p.unpairedBy, p.unpairReason), Collectors.toList())));
		return rows.stream().map(row -> byUnit.getOrDefault(row.getId(), List.of())).toList();
	}

	/** The paired station, for clients from before pairings with 所 and 中心; null for those. */
	@SchemaMapping(typeName = "CivilizedUnitPairing")
	OrgUnit station(CivilizedUnitService.Pairing pairing) {
		return (pairing.orgUnit().getLevel() == OrgLevel.STATION) ? pairing.orgUnit() : null;
	}

	@SchemaMapping(typeName = "CivilizedUnitPairing")
	Long pairedBy(CivilizedUnitService.Pairing pairing, GraphQLContext context) {
		return CivilizedUnitService.canSeeTrail(actor(context), pairing) ? pairing.pairedBy() : null;
	}

	@SchemaMapping(typeName = "CivilizedUnitPairing")
	Long endedBy(CivilizedUnitService.Pairing pairing, GraphQLContext context) {
		return CivilizedUnitService.canSeeTrail(actor(context), pairing) ? pairing.endedBy() : null;
	}

	@SchemaMapping(typeName = "CivilizedUnitPairing")
	String endReason(CivilizedUnitService.Pairing pairing, GraphQLContext context) {
		return CivilizedUnitService.canSeeTrail(actor(context), pairing) ? pairing.endReason() : null;
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

	private static long target(Long orgUnitId, Long stationId) {
		if ((orgUnitId == null) == (stationId == null)) {
			throw DomainException.badRequest("请指定一个结对单位（orgUnitId）");
		}
		return (orgUnitId != null) ? orgUnitId : stationId;
	}

	private Map<Long, OrgUnit> unitsById(List<Long> ids) {
		return ids.isEmpty() ? Map.of()
				: this.units.findByIds(ids).stream().collect(Collectors.toMap(OrgUnit::getId, Function.identity()));
	}

	/** The caller's grants, read once per request however many units are listed. */
	private Actor actor(GraphQLContext context) {
		Optional<Actor> actor = context.computeIfAbsent(ACTOR_KEY, key -> Optional.ofNullable(this.access.currentActor()));
		return actor.orElse(null);
	}

}
