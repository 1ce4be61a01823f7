package cn.wenming.practice.auth;

import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.springframework.stereotype.Component;

/**
 * Read access, for other features, to the admins of one org unit: the users holding an admin role
 * (站长 / 所长 / 中心管理员 / 市级管理员) granted on exactly that unit, e.g. to tell the 所 a need was escalated
 * to. Admins of units above are not included: they are told when something reaches their level.
 */
@Component
public class UnitAdmins {

	private final UnitAdminMapper mapper;

	UnitAdmins(UnitAdminMapper mapper) {
		this.mapper = mapper;
	}

	/** User ids with an admin role granted on the unit, each once, in id order. */
	public List<Long> of(long orgUnitId) {
		return this.mapper.adminsOn(orgUnitId);
	}

	/** An admin role granted on a unit. */
	public record UnitAdmin(long orgUnitId, long userId) {
	}

	/**
	 * The admins (工作人员) granted on any of the units, a row per unit and user, in one statement:
	 * the assessment's staff-training coverage counts them at the unit they are granted on.
	 */
	public List<UnitAdmin> onUnits(Collection<Long> unitIds) {
		return unitIds.isEmpty() ? List.of() : this.mapper.adminsOnUnits(unitIds);
	}

	@Mapper
	interface UnitAdminMapper {

		@Select("""
				<script>
				SELECT DISTINCT org_unit_id, user_id FROM user_role
				WHERE org_unit_id IN <foreach collection="unitIds" item="u" open="(" separator="," close=")">#{u}</foreach>
				  AND role IN ('STATION_ADMIN', 'INSTITUTE_ADMIN', 'CENTER_ADMIN')
				ORDER BY org_unit_id, user_id
				</script>
				""")
		List<UnitAdmin> adminsOnUnits(@Param("unitIds") Collection<Long> unitIds);

		@Select("""
				SELECT DISTINCT user_id FROM user_role
				WHERE org_unit_id = #{unitId} AND role IN ('STATION_ADMIN', 'INSTITUTE_ADMIN', 'CENTER_ADMIN', 'CITY_ADMIN')
				ORDER BY user_id
				""")
		List<Long> adminsOn(@Param("unitId") long orgUnitId);

	}

}
