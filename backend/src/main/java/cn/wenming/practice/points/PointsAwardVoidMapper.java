package cn.wenming.practice.points;

import java.time.Instant;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/**
 * {@code points_award_void}: awards revoked before they were made. Written and read only under the
 * user's account row lock (see {@link PointsLedger}), so an award and its reversal never miss each
 * other whichever comes first.
 */
@Mapper
interface PointsAwardVoidMapper {

	@Insert("INSERT IGNORE INTO points_award_void (business_type, business_id, user_id, created_at) "
			+ "VALUES (#{type}, #{businessId}, #{userId}, #{at})")
	int insertIgnore(@Param("type") String type, @Param("businessId") String businessId, @Param("userId") long userId,
			@Param("at") Instant at);

	@Select("SELECT COUNT(*) FROM points_award_void WHERE business_type = #{type} AND business_id = #{businessId} "
			+ "AND user_id = #{userId}")
	int count(@Param("type") String type, @Param("businessId") String businessId, @Param("userId") long userId);

}
