package cn.wenming.practice.need;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import cn.wenming.practice.auth.Actor;
import cn.wenming.practice.shared.DomainException;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 受益群众 of a need (issue 18). The assignee states the count at completion ({@link NeedCompletion};
 * 1, the resident, when not given); the admin who confirms the hours settles it with them
 * ({@code confirmNeedHours(beneficiaries)}), and such an admin may correct it later with a reason.
 * The same impartiality as for the hours applies: whoever served the need does not confirm or
 * correct its count ({@link NeedServingSide}). Each change is kept in
 * {@code need_beneficiary_correction} with the value it replaced; the write is guarded on the value
 * read, so a concurrent correction is refused rather than silently overwritten.
 */
@Service
class NeedBeneficiaries {

	/** A single need serves a household or a group, not a town; extra zeros are refused. */
	static final int MAX = 10_000;

	static final String CONFIRMED_WITH_HOURS = "确认服务时长时核定";

	private final NeedWorkflow workflow;

	private final NeedServingSide servingSide;

	private final NeedContentCheck content;

	private final CorrectionMapper corrections;

	private final TransactionTemplate tx;

	private final Clock clock;

	NeedBeneficiaries(NeedWorkflow workflow, NeedServingSide servingSide, NeedContentCheck content,
			CorrectionMapper corrections, TransactionTemplate tx, Clock clock) {
		this.workflow = workflow;
		this.servingSide = servingSide;
		this.content = content;
		this.corrections = corrections;
		this.tx = tx;
		this.clock = clock;
	}

	static void validate(int count) {
		if (count < 0 || count > MAX) {
			throw new DomainException(NeedError.NEED_BENEFICIARIES_INVALID, "受益群众人数应为 0–" + MAX + " 的整数");
		}
	}

	/** The confirming admin's count, recorded in the trail only when it differs from the assignee's. */
	void confirm(long needId, int count) {
		Need need = this.workflow.load(needId);
		Actor actor = requireImpartialAdmin(need);
		change(need, count, CONFIRMED_WITH_HOURS, actor);
	}

	NeedView correct(long needId, int count, String reason) {
		validate(count);
		Need need = this.workflow.load(needId);
		Actor actor = requireImpartialAdmin(need);
		String why = reason.strip();
		// The resident and the assignee see the trail, so the reason is checked like the hours' reasons.
		this.content.requirePass(actor, why);
		change(need, count, why, actor);
		return this.workflow.reload(actor, needId);
	}

	private void change(Need need, int count, String reason, Actor actor) {
		Integer previous = need.getBeneficiaries();
		if (previous != null && previous == count) {
			return;
		}
		this.tx.executeWithoutResult(status -> {
			Instant now = this.clock.instant();
			if (this.corrections.set(need.getId(), previous, count, now) == 0) {
				throw new DomainException(NeedError.NEED_INVALID_STATE, "受益群众人数已被他人修改，请刷新后重试");
			}
			this.corrections.insert(need.getId(), previous, count, reason, actor.userId(), now);
		});
	}

	/** Corrections of the needs, oldest first (one statement). */
	List<Correction> correctionsOf(Collection<Long> needIds) {
		return needIds.isEmpty() ? List.of() : this.corrections.ofNeeds(needIds);
	}

	private Actor requireImpartialAdmin(Need need) {
		Actor actor = this.workflow.requireAdminOfStation(need);
		if (this.servingSide.served(need, actor.userId())) {
			throw DomainException.forbidden();
		}
		if (need.getCompletedAt() == null) {
			throw new DomainException(NeedError.NEED_INVALID_STATE, "需求完成后才能核定受益群众人数");
		}
		return actor;
	}

	/** GraphQL {@code BeneficiaryCorrection}. */
	record Correction(long id, long needId, Integer fromCount, int toCount, String reason, long correctedBy,
			Instant correctedAt) implements cn.wenming.practice.shared.BeneficiaryCorrectionLine {
	}

	@Mapper
	interface CorrectionMapper {

		/** 0 rows when the need is not completed or its count changed since it was read. */
		@Update("""
				UPDATE need SET beneficiaries = #{to}, updated_at = #{now}
				WHERE id = #{id} AND completed_at IS NOT NULL AND (beneficiaries = #{from,jdbcType=INTEGER}
				     OR (beneficiaries IS NULL AND #{from,jdbcType=INTEGER} IS NULL))
				""")
		int set(@Param("id") long id, @Param("from") Integer from, @Param("to") int to, @Param("now") Instant now);

		@Insert("""
				INSERT INTO need_beneficiary_correction (need_id, from_count, to_count, reason, corrected_by, corrected_at)
				VALUES (#{id}, #{from,jdbcType=INTEGER}, #{to}, #{reason}, #{by}, #{now})
				""")
		int insert(@Param("id") long needId, @Param("from") Integer from, @Param("to") int to,
				@Param("reason") String reason, @Param("by") long by, @Param("now") Instant now);

		@Select("""
				<script>
				SELECT id, need_id, from_count, to_count, reason, corrected_by, corrected_at
				FROM need_beneficiary_correction
				WHERE need_id IN <foreach collection="ids" item="i" open="(" separator="," close=")">#{i}</foreach>
				ORDER BY id
				</script>
				""")
		List<Correction> ofNeeds(@Param("ids") Collection<Long> needIds);

	}

}
