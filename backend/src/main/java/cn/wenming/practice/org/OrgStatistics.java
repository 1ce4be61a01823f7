package cn.wenming.practice.org;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.springframework.stereotype.Component;

/**
 * Read access for reports over a whole subtree (the assessment): the units below a unit and the
 * 文明单位 / 文明校园 pairings of its 站, 所 and 中心, each in one statement however large the subtree.
 */
@Component
public class OrgStatistics {

	private final OrgUnitMapper units;

	private final PairingMapper pairings;

	OrgStatistics(OrgUnitMapper units, PairingMapper pairings) {
		this.units = units;
		this.pairings = pairings;
	}

	/** The unit and every unit below it (open or closed), parents before children. */
	public List<OrgUnitRef> subtree(long rootId) {
		return this.units.subtree(rootId)
			.stream()
			.map(OrgUnit::toRef)
			.sorted(Comparator.comparing((OrgUnitRef unit) -> unit.path().length()).thenComparing(OrgUnitRef::id))
			.toList();
	}

	/** A pairing (结对共建) of a civilized unit (文明单位 or 文明校园) with a 站, 所 or 中心. */
	public record Pairing(long civilizedUnitId, long orgUnitId) {
	}

	/**
	 * Pairings with units at or below {@code pathPrefix} (any level) that were live at {@code at}: paired
	 * before it and not ended by then. A pairing ended or begun later is judged in other months.
	 */
	public List<Pairing> pairingsLiveAt(String pathPrefix, Instant at) {
		return this.pairings.liveAt(pathPrefix, at);
	}

	/** Whether the civilized unit is paired with the org unit (站, 所 or 中心) right now. */
	public boolean isPaired(long civilizedUnitId, long orgUnitId) {
		return this.pairings.countLive(civilizedUnitId, orgUnitId) > 0;
	}

	@Mapper
	interface PairingMapper {

		@Select("""
				SELECT p.civilized_unit_id, p.station_id AS org_unit_id
				FROM civilized_unit_pairing p JOIN org_unit s ON s.id = p.station_id
				WHERE s.path LIKE CONCAT(#{prefix}, '%') AND p.paired_at < #{at}
				  AND (p.unpaired_at IS NULL OR p.unpaired_at >= #{at})
				ORDER BY p.station_id, p.civilized_unit_id
				""")
		List<Pairing> liveAt(@Param("prefix") String prefix, @Param("at") Instant at);

		@Select("""
				SELECT COUNT(*) FROM civilized_unit_pairing
				WHERE civilized_unit_id = #{unitId} AND station_id = #{orgUnitId} AND active = 1
				""")
		long countLive(@Param("unitId") long unitId, @Param("orgUnitId") long orgUnitId);

	}

}
