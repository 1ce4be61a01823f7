package cn.wenming.practice.need;

import java.time.Instant;
import java.util.List;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** Reads behind the 落实清单: a month's needs of a subtree, and the published documents. */
@Mapper
interface FulfilmentMapper extends BaseMapper<FulfilmentSnapshot> {

	/** Needs of the stations in the subtree at {@code path} submitted in [{@code from}, {@code to}). */
	@Select("""
			SELECT n.* FROM need n JOIN org_unit o ON o.id = n.station_id
			WHERE o.path LIKE CONCAT(#{path}, '%') AND n.created_at >= #{from} AND n.created_at < #{to}
			ORDER BY n.id
			""")
	List<Need> submittedBetween(@Param("path") String path, @Param("from") Instant from, @Param("to") Instant to);

	@Select("SELECT * FROM need_fulfilment_list WHERE org_unit_id = #{unitId} AND month = #{month}")
	FulfilmentSnapshot findPublished(@Param("unitId") long orgUnitId, @Param("month") String month);

	/** The unit's published lists without their documents, newest month first. */
	@Select("""
			SELECT id, org_unit_id, month, published_by, published_at FROM need_fulfilment_list
			WHERE org_unit_id = #{unitId} ORDER BY month DESC
			""")
	List<FulfilmentSnapshot> publishedOf(@Param("unitId") long orgUnitId);

}
