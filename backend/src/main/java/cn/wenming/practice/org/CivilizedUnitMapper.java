package cn.wenming.practice.org;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import cn.wenming.practice.shared.CreationKeys;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * 文明单位 / 文明校园 and their pairings. {@code civilized_unit_pairing.station_id} holds the paired
 * org unit of any level (站, 所 or 中心) since V49; it is read here as {@code org_unit_id}.
 */
@Mapper
interface CivilizedUnitMapper extends BaseMapper<CivilizedUnit> {

	/** What this creator made with this idempotency key, if anything. */
	@Select("SELECT id, request_digest FROM civilized_unit WHERE created_by = #{creator} AND idempotency_key = #{key}")
	CreationKeys.Earlier findByKey(@Param("creator") long creator, @Param("key") String key);

	@Select("""
			SELECT c.*, u.path AS org_unit_path FROM civilized_unit c JOIN org_unit u ON u.id = c.org_unit_id
			WHERE c.id = #{id}
			""")
	CivilizedUnit findWithPath(@Param("id") long id);

	/** Units registered at the unit with path {@code prefix} or below it, of one kind if given, by id. */
	@Select("""
			<script>
			SELECT c.*, u.path AS org_unit_path FROM civilized_unit c JOIN org_unit u ON u.id = c.org_unit_id
			WHERE u.path LIKE CONCAT(#{prefix}, '%') AND c.id &gt; #{afterId}
			<if test="kind != null">AND c.kind = #{kind}</if>
			ORDER BY c.id LIMIT #{limit}
			</script>
			""")
	List<CivilizedUnit> pageUnder(@Param("prefix") String prefix, @Param("kind") CivilizedUnitKind kind,
			@Param("afterId") long afterId, @Param("limit") int limit);

	/** Active pairings of many org units in one query; each row carries the unit it belongs to. */
	@Select("""
			<script>
			SELECT c.*, u.path AS org_unit_path, p.station_id AS paired_unit_id
			FROM civilized_unit_pairing p
			JOIN civilized_unit c ON c.id = p.civilized_unit_id
			JOIN org_unit u ON u.id = c.org_unit_id
			WHERE p.active = 1 AND p.station_id IN
			<foreach collection="unitIds" item="id" open="(" separator="," close=")">#{id}</foreach>
			ORDER BY p.station_id, c.id
			</script>
			""")
	List<CivilizedUnit> pairedWith(@Param("unitIds") Collection<Long> unitIds);

	/** Fails with a duplicate key when the two are already actively paired (uk_pairing_active). */
	@Insert("""
			INSERT INTO civilized_unit_pairing (civilized_unit_id, station_id, active, paired_by, paired_at)
			VALUES (#{unitId}, #{orgUnitId}, 1, #{by}, #{now})
			""")
	int pair(@Param("unitId") long unitId, @Param("orgUnitId") long orgUnitId, @Param("by") long by,
			@Param("now") Instant now);

	/** The id of the pairing {@link #pair} inserted on this connection (the same transaction). */
	@Select("SELECT LAST_INSERT_ID()")
	long lastInsertId();

	/** Ends the live pairing; history stays with {@code active} NULL, who ended it, when and why. */
	@Update("""
			UPDATE civilized_unit_pairing
			SET active = NULL, unpaired_by = #{by}, unpaired_at = #{now}, unpair_reason = #{reason}
			WHERE civilized_unit_id = #{unitId} AND station_id = #{orgUnitId} AND active = 1
			""")
	int unpair(@Param("unitId") long unitId, @Param("orgUnitId") long orgUnitId, @Param("by") long by,
			@Param("now") Instant now, @Param("reason") String reason);

	/** Active pairings of many civilized units in one query, by paired unit id. */
	@Select("""
			<script>
			SELECT p.civilized_unit_id, p.station_id AS org_unit_id FROM civilized_unit_pairing p
			WHERE p.active = 1 AND p.civilized_unit_id IN
			<foreach collection="unitIds" item="id" open="(" separator="," close=")">#{id}</foreach>
			ORDER BY p.station_id
			</script>
			""")
	List<PairingRow> unitsPairedWith(@Param("unitIds") Collection<Long> unitIds);

	/** Every pairing, live or ended, of many civilized units in one query: newest first per unit. */
	@Select("""
			<script>
			SELECT p.id, p.civilized_unit_id, p.station_id AS org_unit_id, p.active, p.paired_by, p.paired_at,
			       p.unpaired_by, p.unpaired_at, p.unpair_reason
			FROM civilized_unit_pairing p
			WHERE p.civilized_unit_id IN
			<foreach collection="unitIds" item="id" open="(" separator="," close=")">#{id}</foreach>
			ORDER BY p.civilized_unit_id, p.paired_at DESC, p.id DESC
			</script>
			""")
	List<PairingHistoryRow> history(@Param("unitIds") Collection<Long> unitIds);

	@Select("SELECT COUNT(*) FROM civilized_unit_pairing WHERE station_id = #{orgUnitId} AND active = 1")
	long countActivePairings(@Param("orgUnitId") long orgUnitId);

	/** Row of {@link #unitsPairedWith}. */
	class PairingRow {

		Long civilizedUnitId;

		Long orgUnitId;

	}

	/** Row of {@link #history}. */
	class PairingHistoryRow {

		Long id;

		Long civilizedUnitId;

		Long orgUnitId;

		Integer active;

		Long pairedBy;

		Instant pairedAt;

		Long unpairedBy;

		Instant unpairedAt;

		String unpairReason;

	}

}
