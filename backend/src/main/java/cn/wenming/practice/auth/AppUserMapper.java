package cn.wenming.practice.auth;

import java.time.Instant;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface AppUserMapper extends BaseMapper<AppUser> {

	/** Race-free upsert: two first logins of one openid at once still make one row. */
	@Insert("""
			INSERT INTO app_user (openid, unionid, last_login_at, created_at, updated_at)
			VALUES (#{openid}, #{unionid}, #{now}, #{now}, #{now})
			ON DUPLICATE KEY UPDATE unionid = COALESCE(VALUES(unionid), unionid),
			    last_login_at = VALUES(last_login_at), updated_at = VALUES(updated_at)
			""")
	int upsertLogin(@Param("openid") String openid, @Param("unionid") String unionid, @Param("now") Instant now);

	/** The most recently active account with this phone (a number may have been re-bound). */
	default AppUser findByPhone(String phone) {
		return selectOne(new LambdaQueryWrapper<AppUser>()
			.eq(AppUser::getPhone, phone)
			.orderByDesc(AppUser::getUpdatedAt)
			.last("LIMIT 1"));
	}

	default AppUser findByOpenid(String openid) {
		return selectOne(new LambdaQueryWrapper<AppUser>().eq(AppUser::getOpenid, openid));
	}

}
