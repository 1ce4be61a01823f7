package cn.wenming.practice.recognition;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

@Mapper
interface RecognitionRuleMapper extends BaseMapper<RecognitionRule> {

	default List<RecognitionRule> ofUnit(long unitId) {
		return selectList(new LambdaQueryWrapper<RecognitionRule>().eq(RecognitionRule::getOrgUnitId, unitId)
			.orderByDesc(RecognitionRule::getId));
	}

	/** The active rules set by any of the units (a station's ancestors), oldest first. */
	default List<RecognitionRule> activeInUnits(Collection<Long> unitIds) {
		return unitIds.isEmpty() ? List.of()
				: selectList(new LambdaQueryWrapper<RecognitionRule>().in(RecognitionRule::getOrgUnitId, unitIds)
					.eq(RecognitionRule::getActive, true)
					.orderByAsc(RecognitionRule::getId));
	}

	/** Guarded: 1 when this call disabled it, 0 when it was already disabled. */
	@Update("UPDATE recognition_rule SET active = 0, disabled_by = #{by}, disabled_at = #{now} WHERE id = #{id} AND active = 1")
	int disable(@Param("id") long id, @Param("by") long by, @Param("now") Instant now);

	/** Records the rule's grant to the volunteer: 1 the first time, 0 ever after (the primary key). */
	@Insert("INSERT IGNORE INTO recognition_rule_grant (rule_id, volunteer_id, credit_hours, granted_at) "
			+ "VALUES (#{ruleId}, #{volunteerId}, #{creditHours}, #{now})")
	int grant(@Param("ruleId") long ruleId, @Param("volunteerId") long volunteerId,
			@Param("creditHours") BigDecimal creditHours, @Param("now") Instant now);

}
