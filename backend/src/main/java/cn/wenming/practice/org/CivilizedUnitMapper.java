package cn.wenming.practice.org;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface CivilizedUnitMapper extends BaseMapper<CivilizedUnit> {

	@Select("""
			SELECT c.*, u.path AS org_unit_path FROM civilized_unit c JOIN org_unit u ON u.id = c.org_unit_id
			WHERE c.id = #{id}
			""")
	CivilizedUnit findWithPath(@Param("id") long id);

	/** Units registered at the unit with path {@code prefix} or below it, by id. */
	@Select("""
			SELECT c.*, u.path AS org_unit_path FROM civilized_unit c JOIN org_unit u ON u.id = c.org_unit_id
			WHERE u.path LIKE CONCAT(#{prefix}, '%') AND c.id > #{afterId}
			ORDER BY c.id LIMIT #{limit}
			""")
	List<CivilizedUnit> pageUnder(@Param("prefix") String prefix, @Param("afterId") long afterId,
			@Param("limit") int limit);

	/** Active pairings of many stations in one query; each row carries the station it belongs to. */
	@Select("""
			<script>
			SELECT c.*, u.path AS org_unit_path, p.station_id
			FROM civilized_unit_pairing p
			JOIN civilized_unit c ON c.id = p.civilized_unit_id
			JOIN org_unit u ON u.id = c.org_unit_id
			WHERE p.active = 1 AND p.station_id IN
			<foreach collection="stationIds" item="id" open="(" separator="," close=")">#{id}</foreach>
			ORDER BY p.station_id, c.id
			</script>
			""")
	List<CivilizedUnit> pairedWith(@Param("stationIds") Collection<Long> stationIds);

	/** Fails with a duplicate key when the two are already actively paired (uk_pairing_active). */
	@Insert("""
			INSERT INTO civilized_unit_pairing (civilized_unit_id, station_id, active, paired_by, paired_at)
			VALUES (#{unitId}, #{stationId}, 1, #{by}, #{now})
			""")
	int pair(@Param("unitId") long unitId, @Param("stationId") long stationId, @Param("by") long by,
			@Param("now") Instant now);

	/** Ends the live pairing; history stays with {@code active} NULL. */
	@Update("""
			UPDATE civilized_unit_pairing SET active = NULL, unpaired_by = #{by}, unpaired_at = #{now}
			WHERE civilized_unit_id = #{unitId} AND station_id = #{stationId} AND active = 1
			""")
	int unpair(@Param("unitId") long unitId, @Param("stationId") long stationId, @Param("by") long by,
			@Param("now") Instant now);

	/** Active pairings of many civilized units in one query, by station id. */
	@Select("""
			<script>
			SELECT p.civilized_unit_id, p.station_id FROM civilized_unit_pairing p
			WHERE p.active = 1 AND p.civilized_unit_id IN
			<foreach collection="unitIds" item="id" open="(" separator="," close=")">#{id}</foreach>
			ORDER BY p.station_id
			</script>
			""")
	List<PairingRow> stationsPairedWith(@Param("unitIds") Collection<Long> unitIds);

	@Select("SELECT COUNT(*) FROM civilized_unit_pairing WHERE station_id = #{stationId} AND active = 1")
	long countActivePairings(@Param("stationId") long stationId);

	/** Row of {@link #stationsPairedWith}. */
	class PairingRow {

		Long civilizedUnitId;

		Long stationId;

	}

}
