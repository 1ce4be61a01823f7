package cn.wenming.practice.auth;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
interface UserRoleMapper {

	/** A user's grants; unit paths come from org through {@link UnitPaths}. */
	@Select("""
			SELECT r.user_id, r.role, r.org_unit_id FROM user_role r
			WHERE r.user_id = #{userId}
			ORDER BY r.id
			""")
	List<GrantRow> grantsOf(@Param("userId") long userId);

	@Select("""
			<script>
			SELECT r.user_id, r.role, r.org_unit_id FROM user_role r
			WHERE r.user_id IN <foreach collection="userIds" item="id" open="(" separator="," close=")">#{id}</foreach>
			ORDER BY r.id
			</script>
			""")
	List<GrantRow> grantsOfUsers(@Param("userIds") Collection<Long> userIds);

	/** A page of the admin grants made on any of the units (a subtree), in the order they were made. */
	@Select("""
			<script>
			SELECT r.id, r.user_id, r.role, r.org_unit_id, r.created_at AS granted_at FROM user_role r
			WHERE r.org_unit_id IN <foreach collection="unitIds" item="u" open="(" separator="," close=")">#{u}</foreach>
			AND r.role IN <foreach collection="roles" item="role" open="(" separator="," close=")">#{role}</foreach>
			<if test="afterId != null"> AND r.id &gt; #{afterId}</if>
			ORDER BY r.id
			LIMIT #{limit}
			</script>
			""")
	List<AdminGrant> adminGrantsOn(@Param("unitIds") Collection<Long> unitIds, @Param("roles") Collection<String> roles,
			@Param("afterId") Long afterId, @Param("limit") int limit);

	@Insert("""
			INSERT IGNORE INTO user_role (user_id, role, org_unit_id, scope_key, granted_by, created_at)
			VALUES (#{userId}, #{role}, #{unitId}, COALESCE(#{unitId}, 0), #{grantedBy}, #{now})
			""")
	int grant(@Param("userId") long userId, @Param("role") String role, @Param("unitId") Long unitId,
			@Param("grantedBy") Long grantedBy, @Param("now") Instant now);

	@Delete("DELETE FROM user_role WHERE user_id = #{userId} AND role = #{role} AND scope_key = COALESCE(#{unitId}, 0)")
	int revoke(@Param("userId") long userId, @Param("role") String role, @Param("unitId") Long unitId);

	@Select("SELECT id FROM app_user WHERE id = #{userId} FOR UPDATE")
	Long lockUser(@Param("userId") long userId);

	/** Row shape of {@link #grantsOf}. */
	class GrantRow {

		Long userId;

		String role;

		Long orgUnitId;

		RoleGrant toGrant(Map<Long, String> unitPaths) {
			return new RoleGrant(Role.valueOf(this.role), this.orgUnitId,
					(this.orgUnitId != null) ? unitPaths.get(this.orgUnitId) : null);
		}

	}

	/** Row of {@link #adminGrantsOn}: the {@code AdminRoleGrant} of the schema. */
	class AdminGrant {

		private Long id;

		private Long userId;

		private Role role;

		private Long orgUnitId;

		private Instant grantedAt;

		public Long getId() {
			return this.id;
		}

		public Long getUserId() {
			return this.userId;
		}

		public Role getRole() {
			return this.role;
		}

		public Long getOrgUnitId() {
			return this.orgUnitId;
		}

		public Instant getGrantedAt() {
			return this.grantedAt;
		}

	}

}
