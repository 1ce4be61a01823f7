package cn.wenming.practice.need;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** Reads behind the 落实清单: a month's needs of a subtree, and the published documents. */
@Mapper
interface FulfilmentMapper extends BaseMapper<FulfilmentSnapshot> {

	/**
	 * Needs of the stations among {@code unitIds} (a subtree, from {@code OrgDirectory}) submitted in
	 * [{@code from}, {@code to}).
	 */
	@Select("""
			<script>
			SELECT n.* FROM need n
			WHERE n.station_id IN <foreach collection="unitIds" item="u" open="(" separator="," close=")">#{u}</foreach>
			  AND n.created_at &gt;= #{from} AND n.created_at &lt; #{to}
			ORDER BY n.id
			</script>
			""")
	List<Need> submittedBetween(@Param("unitIds") Collection<Long> unitIds, @Param("from") Instant from,
			@Param("to") Instant to);

	@Select("SELECT * FROM need_fulfilment_list WHERE org_unit_id = #{unitId} AND month = #{month}")
	FulfilmentSnapshot findPublished(@Param("unitId") long orgUnitId, @Param("month") String month);

	/** The unit's published lists without their documents, newest month first. */
	@Select("""
			SELECT id, org_unit_id, month, published_by, published_at FROM need_fulfilment_list
			WHERE org_unit_id = #{unitId} ORDER BY month DESC
			""")
	List<FulfilmentSnapshot> publishedOf(@Param("unitId") long orgUnitId);

}
