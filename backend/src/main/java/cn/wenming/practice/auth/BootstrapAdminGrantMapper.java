package cn.wenming.practice.auth;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** The ledger of centers a configured bootstrap admin was made {@code CENTER_ADMIN} of (once each). */
@Mapper
interface BootstrapAdminGrantMapper {

	@Select("SELECT org_unit_id FROM bootstrap_admin_grant WHERE openid = #{openid}")
	List<Long> centersGrantedTo(@Param("openid") String openid);

	/** 1 when this call recorded the grant, 0 when it was recorded before (or concurrently). */
	@Insert("INSERT IGNORE INTO bootstrap_admin_grant (openid, org_unit_id, granted_at) VALUES (#{openid}, #{unitId}, #{now})")
	int record(@Param("openid") String openid, @Param("unitId") long unitId, @Param("now") Instant now);

}
