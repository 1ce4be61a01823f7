package cn.wenming.practice.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import cn.wenming.practice.shared.CreationKeys;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
interface SpotCheckMapper extends BaseMapper<SpotCheck> {

	/** The spot check this admin recorded with this idempotency key, if any. */
	@Select("SELECT id, request_digest FROM spot_check WHERE checked_by = #{checkedBy} AND idempotency_key = #{key}")
	CreationKeys.Earlier findByKey(@Param("checkedBy") long checkedBy, @Param("key") String key);

	@Insert("""
			<script>
			INSERT INTO spot_check_item (spot_check_id, position, name, score, max_score) VALUES
			<foreach collection="items" index="i" item="it" separator=",">(#{checkId}, #{i}, #{it.name}, #{it.score}, #{it.maxScore})</foreach>
			</script>
			""")
	int addItems(@Param("checkId") long checkId, @Param("items") List<Item> items);

	@Select("""
			<script>
			SELECT spot_check_id, name, score, max_score FROM spot_check_item
			WHERE spot_check_id IN <foreach collection="ids" item="c" open="(" separator="," close=")">#{c}</foreach>
			ORDER BY spot_check_id, position
			</script>
			""")
	List<Item> itemsOf(@Param("ids") Collection<Long> checkIds);

	/** Newest first: the cursor is the last id shown, the next page has smaller ids. */
	@Select("""
			<script>
			SELECT * FROM spot_check
			WHERE station_id IN <foreach collection="stationIds" item="u" open="(" separator="," close=")">#{u}</foreach>
			<if test="beforeId != null"> AND id &lt; #{beforeId}</if>
			ORDER BY id DESC
			LIMIT #{limit}
			</script>
			""")
	List<SpotCheck> pageInStations(@Param("stationIds") Collection<Long> stationIds, @Param("beforeId") Long beforeId,
			@Param("limit") int limit);

	/**
	 * Per station: the spot checks (not withdrawn) on a date in [from, to) (kind SPOT: count, sum of totals) and the
	 * peer reviews (not withdrawn) received for the period (kind PEER: count, sum of averages); one statement.
	 */
	@Select("""
			<script>
			SELECT station_id, 'SPOT' AS kind, COUNT(*) AS row_count, SUM(total) AS total FROM spot_check
			WHERE station_id IN <foreach collection="stationIds" item="u" open="(" separator="," close=")">#{u}</foreach>
			  AND checked_on &gt;= #{from} AND checked_on &lt; #{to} AND withdrawn_at IS NULL
			GROUP BY station_id
			UNION ALL
			SELECT reviewed_station_id, 'PEER', COUNT(*), SUM(average) FROM peer_review
			WHERE reviewed_station_id IN <foreach collection="stationIds" item="u" open="(" separator="," close=")">#{u}</foreach>
			  AND period = #{period} AND withdrawn_at IS NULL
			GROUP BY reviewed_station_id
			</script>
			""")
	List<Figure> figures(@Param("stationIds") Collection<Long> stationIds, @Param("from") LocalDate from,
			@Param("to") LocalDate to, @Param("period") String period);

	@Select("SELECT * FROM spot_check WHERE id = #{id} FOR UPDATE")
	SpotCheck lockById(@Param("id") long id);

	@org.apache.ibatis.annotations.Delete("DELETE FROM spot_check_item WHERE spot_check_id = #{checkId}")
	int deleteItems(@Param("checkId") long checkId);

	/** Writes what a correction may change (findings may become null, which updateById would skip). */
	@org.apache.ibatis.annotations.Update("""
			UPDATE spot_check SET total = #{c.total}, findings = #{c.findings}, withdrawn_at = #{c.withdrawnAt}
			WHERE id = #{c.id}
			""")
	int writeCorrection(@Param("c") SpotCheck check);

	record Figure(long stationId, String kind, long rows, BigDecimal total) {
	}

	record Item(Long spotCheckId, String name, BigDecimal score, BigDecimal maxScore) {
	}

}
