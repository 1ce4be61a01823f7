package cn.wenming.practice.recognition;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import cn.wenming.practice.shared.CreationKeys;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

@Mapper
interface RecognitionRuleMapper extends BaseMapper<RecognitionRule> {

	/** What this creator made with this idempotency key, if anything. */
	@Select("SELECT id, request_digest FROM recognition_rule WHERE created_by = #{creator} AND idempotency_key = #{key}")
	CreationKeys.Earlier findByKey(@Param("creator") long creator, @Param("key") String key);

	default List<RecognitionRule> ofUnit(long unitId) {
		return selectList(new LambdaQueryWrapper<RecognitionRule>().eq(RecognitionRule::getOrgUnitId, unitId)
			.orderByDesc(RecognitionRule::getId));
	}

	/** The rules in effect (approved, not disabled) set by any of the units (a station's ancestors), oldest first. */
	default List<RecognitionRule> activeInUnits(Collection<Long> unitIds) {
		return unitIds.isEmpty() ? List.of()
				: selectList(new LambdaQueryWrapper<RecognitionRule>().in(RecognitionRule::getOrgUnitId, unitIds)
					.eq(RecognitionRule::getStatus, RecognitionRule.ACTIVE)
					.orderByAsc(RecognitionRule::getId));
	}

	/**
	 * Guarded: 1 when this call approved the pending rule, 0 when it was no longer pending (another
	 * decision came first: the second waits on the row and finds it decided) or the caller created it.
	 */
	@Update("UPDATE recognition_rule SET status = 'ACTIVE', decided_by = #{by}, decided_at = #{now} "
			+ "WHERE id = #{id} AND status = 'PENDING' AND created_by <> #{by}")
	int approve(@Param("id") long id, @Param("by") long by, @Param("now") Instant now);

	/** Guarded like {@link #approve}. */
	@Update("UPDATE recognition_rule SET status = 'REJECTED', decided_by = #{by}, decided_at = #{now}, "
			+ "reject_reason = #{reason} WHERE id = #{id} AND status = 'PENDING' AND created_by <> #{by}")
	int reject(@Param("id") long id, @Param("by") long by, @Param("now") Instant now, @Param("reason") String reason);

	/** Guarded: only the creator, only while pending. */
	@Update("UPDATE recognition_rule SET status = 'WITHDRAWN', decided_by = #{by}, decided_at = #{now} "
			+ "WHERE id = #{id} AND status = 'PENDING' AND created_by = #{by}")
	int withdraw(@Param("id") long id, @Param("by") long by, @Param("now") Instant now);

	/** Guarded: 1 when this call disabled the rule in effect, 0 when it was not in effect (any more). */
	@Update("UPDATE recognition_rule SET status = 'DISABLED', disabled_by = #{by}, disabled_at = #{now} "
			+ "WHERE id = #{id} AND status = 'ACTIVE'")
	int disable(@Param("id") long id, @Param("by") long by, @Param("now") Instant now);

	/** Records the rule's grant to the volunteer: 1 the first time, 0 ever after (the primary key). */
	@Insert("INSERT IGNORE INTO recognition_rule_grant (rule_id, volunteer_id, credit_hours, granted_at) "
			+ "VALUES (#{ruleId}, #{volunteerId}, #{creditHours}, #{now})")
	int grant(@Param("ruleId") long ruleId, @Param("volunteerId") long volunteerId,
			@Param("creditHours") BigDecimal creditHours, @Param("now") Instant now);

}
