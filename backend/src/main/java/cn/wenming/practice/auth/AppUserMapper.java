package cn.wenming.practice.auth;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

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

	/**
	 * The most recently active account with this phone (a number may have been re-bound): by its
	 * hash under any configured key, or as plaintext in a row not yet re-encrypted.
	 */
	default AppUser findByPhone(Collection<String> hashes, String plainPhone) {
		return selectOne(new LambdaQueryWrapper<AppUser>()
			.and(w -> w.in(AppUser::getPhoneHash, hashes).or().eq(AppUser::getPhone, plainPhone))
			.orderByDesc(AppUser::getUpdatedAt)
			.last("LIMIT 1"));
	}

	@Select("""
			SELECT id, phone, phone_hash FROM app_user
			WHERE id > #{afterId} AND phone IS NOT NULL ORDER BY id LIMIT #{limit}
			""")
	List<AppUser> phonesAfter(@Param("afterId") long afterId, @Param("limit") int limit);

	/**
	 * Guarded by the value read: a phone re-bound meanwhile keeps its newer value. updated_at is
	 * left alone, since it orders re-bound numbers by the owner's activity.
	 */
	@Update("""
			UPDATE app_user SET phone = #{cipher}, phone_hash = #{hash}
			WHERE id = #{id} AND phone = #{oldPhone}
			""")
	int resealPhone(@Param("id") long id, @Param("oldPhone") String oldPhone, @Param("cipher") String cipher,
			@Param("hash") String hash);

	default AppUser findByOpenid(String openid) {
		return selectOne(new LambdaQueryWrapper<AppUser>().eq(AppUser::getOpenid, openid));
	}

}
