package cn.wenming.practice.auth;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** The 角色变更记录 ({@code user_role_event}); insert-only. */
@Mapper
interface UserRoleEventMapper {

	@Insert("""
			INSERT INTO user_role_event (user_id, role, org_unit_id, kind, actor_user_id, cause, reason, created_at)
			VALUES (#{userId}, #{role}, #{unitId}, #{kind}, #{actorUserId}, #{cause}, #{reason}, #{now})
			""")
	int insert(@Param("userId") long userId, @Param("role") String role, @Param("unitId") Long unitId,
			@Param("kind") String kind, @Param("actorUserId") Long actorUserId, @Param("cause") String cause,
			@Param("reason") String reason, @Param("now") Instant now);

	/** A page of the events filed under any of the units, newest first (keyset on the id). */
	@Select("""
			<script>
			SELECT e.id, e.user_id, e.role, e.org_unit_id, e.kind, e.actor_user_id, e.cause, e.reason, e.created_at AS occurred_at
			FROM user_role_event e
			WHERE e.org_unit_id IN <foreach collection="unitIds" item="u" open="(" separator="," close=")">#{u}</foreach>
			<if test="beforeId != null"> AND e.id &lt; #{beforeId}</if>
			ORDER BY e.id DESC
			LIMIT #{limit}
			</script>
			""")
	List<RoleEvent> onUnits(@Param("unitIds") Collection<Long> unitIds, @Param("beforeId") Long beforeId,
			@Param("limit") int limit);

}
