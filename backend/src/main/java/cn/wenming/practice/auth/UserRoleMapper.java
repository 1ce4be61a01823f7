package cn.wenming.practice.auth;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
interface UserRoleMapper {

	/** A user's grants with the path of the unit each is granted on (joined from org_unit). */
	@Select("""
			SELECT r.role, r.org_unit_id, u.path AS unit_path
			FROM user_role r LEFT JOIN org_unit u ON u.id = r.org_unit_id
			WHERE r.user_id = #{userId}
			ORDER BY r.id
			""")
	List<GrantRow> grantsOf(@Param("userId") long userId);

	@Select("""
			<script>
			SELECT r.user_id, r.role, r.org_unit_id, u.path AS unit_path
			FROM user_role r LEFT JOIN org_unit u ON u.id = r.org_unit_id
			WHERE r.user_id IN <foreach collection="userIds" item="id" open="(" separator="," close=")">#{id}</foreach>
			ORDER BY r.id
			</script>
			""")
	List<GrantRow> grantsOfUsers(@Param("userIds") java.util.Collection<Long> userIds);

	@Insert("""
			INSERT IGNORE INTO user_role (user_id, role, org_unit_id, scope_key, granted_by, created_at)
			VALUES (#{userId}, #{role}, #{unitId}, COALESCE(#{unitId}, 0), #{grantedBy}, #{now})
			""")
	int grant(@Param("userId") long userId, @Param("role") String role, @Param("unitId") Long unitId,
			@Param("grantedBy") Long grantedBy, @Param("now") Instant now);

	@Delete("DELETE FROM user_role WHERE user_id = #{userId} AND role = #{role} AND scope_key = COALESCE(#{unitId}, 0)")
	int revoke(@Param("userId") long userId, @Param("role") String role, @Param("unitId") Long unitId);

	@Insert("""
			INSERT IGNORE INTO user_role (user_id, role, org_unit_id, scope_key, granted_by, created_at)
			SELECT #{userId}, 'CENTER_ADMIN', u.id, u.id, NULL, #{now} FROM org_unit u
			WHERE u.level = 'CENTER' AND u.status = 'OPEN'
			""")
	int grantCenterAdminOnAllCenters(@Param("userId") long userId, @Param("now") Instant now);

	@Select("SELECT id FROM app_user WHERE id = #{userId} FOR UPDATE")
	Long lockUser(@Param("userId") long userId);

	@Select("SELECT level FROM org_unit WHERE id = #{unitId}")
	String unitLevel(@Param("unitId") long unitId);

	@Select("SELECT path FROM org_unit WHERE id = #{unitId}")
	String unitPath(@Param("unitId") long unitId);

	/** Row shape of {@link #grantsOf}. */
	class GrantRow {

		Long userId;

		String role;

		Long orgUnitId;

		String unitPath;

		RoleGrant toGrant() {
			return new RoleGrant(Role.valueOf(this.role), this.orgUnitId, this.unitPath);
		}

	}

}
