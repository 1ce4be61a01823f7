package cn.wenming.practice.project;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.springframework.stereotype.Component;

/** Grouped project figures over an org subtree for the assessment (考核), one statement each. */
@Component
public class ProjectStatistics {

	private final StatisticsMapper mapper;

	ProjectStatistics(StatisticsMapper mapper) {
		this.mapper = mapper;
	}

	/**
	 * Brand projects (品牌项目, marked by a center admin) that are not archived, per org unit among
	 * {@code unitIds} (a subtree the caller read from org); units without any are absent.
	 */
	public Map<Long, Integer> brandProjectsByUnit(Collection<Long> unitIds) {
		Map<Long, Integer> counts = new HashMap<>();
		if (!unitIds.isEmpty()) {
			this.mapper.brandByUnit(unitIds).forEach(row -> counts.put(row.unitId(), row.projects()));
		}
		return counts;
	}

	/** Brand projects of one unit. */
	record UnitCount(long unitId, int projects) {
	}

	@Mapper
	interface StatisticsMapper {

		@Select("""
				<script>
				SELECT p.org_unit_id AS unit_id, COUNT(*) AS projects FROM project p
				WHERE p.brand = 1 AND p.status = 'ACTIVE'
				  AND p.org_unit_id IN <foreach collection="unitIds" item="u" open="(" separator="," close=")">#{u}</foreach>
				GROUP BY p.org_unit_id
				</script>
				""")
		List<UnitCount> brandByUnit(@Param("unitIds") Collection<Long> unitIds);

	}

}
