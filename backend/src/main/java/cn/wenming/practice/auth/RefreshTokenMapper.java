package cn.wenming.practice.auth;

import java.time.Instant;
import java.util.List;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface RefreshTokenMapper extends BaseMapper<RefreshToken> {

	default RefreshToken findByHash(String hash) {
		return selectOne(new LambdaQueryWrapper<RefreshToken>().eq(RefreshToken::getTokenHash, hash));
	}

	/** Marks a token used; 0 rows means someone else used (or revoked) it first. */
	@Update("UPDATE refresh_token SET used_at = #{now} WHERE id = #{id} AND used_at IS NULL AND revoked_at IS NULL")
	int markUsed(@Param("id") long id, @Param("now") Instant now);

	/** The logins (refresh families) revoked at or after {@code since}: reuse detected or logged out. */
	@Select("SELECT DISTINCT family_id FROM refresh_token WHERE revoked_at >= #{since}")
	List<String> familiesRevokedSince(@Param("since") Instant since);

	@Update("UPDATE refresh_token SET revoked_at = #{now} WHERE family_id = #{familyId} AND revoked_at IS NULL")
	int revokeFamily(@Param("familyId") String familyId, @Param("now") Instant now);

}
