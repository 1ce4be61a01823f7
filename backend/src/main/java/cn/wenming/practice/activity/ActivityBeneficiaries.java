package cn.wenming.practice.activity;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import cn.wenming.practice.auth.AccessControl;
import cn.wenming.practice.auth.Actor;
import cn.wenming.practice.org.OrgDirectory;
import cn.wenming.practice.shared.DomainException;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 受益群众 of an activity (issue 18): how many people it served, recorded by an admin over the
 * organising unit once the activity is FINISHED (at {@code finishActivity} or after). The first
 * recording needs no reason; every later change is a correction with a reason, kept in
 * {@code activity_beneficiary_correction} with the value it replaced. The write is guarded on the
 * value read, so of two racing corrections the second is refused instead of overwriting unseen.
 */
@Service
class ActivityBeneficiaries {

	/** Above any single activity in a county; a typo with extra zeros is refused instead of inflating the figures. */
	static final int MAX = 100_000;

	private final ActivityMapper activities;

	private final CorrectionMapper corrections;

	private final OrgDirectory orgs;

	private final AccessControl access;

	private final TransactionTemplate tx;

	private final Clock clock;

	ActivityBeneficiaries(ActivityMapper activities, CorrectionMapper corrections, OrgDirectory orgs,
			AccessControl access, TransactionTemplate tx, Clock clock) {
		this.activities = activities;
		this.corrections = corrections;
		this.orgs = orgs;
		this.access = access;
		this.tx = tx;
		this.clock = clock;
	}

	static void validate(Integer count) {
		if (count != null && (count < 0 || count > MAX)) {
			throw new DomainException(ActivityError.ACTIVITY_BENEFICIARIES_INVALID,
					"受益群众人数应为 0–" + MAX + " 的整数");
		}
	}

	/** Records or corrects the count; {@code reason} is required when a count is already recorded. */
	Activity record(long activityId, int count, String reason) {
		validate(count);
		Activity activity = this.activities.selectById(activityId);
		if (activity == null) {
			throw DomainException.notFound("活动");
		}
		Actor actor = this.access.requireAdminOver(this.orgs.require(activity.getOrgUnitId()).path());
		if (activity.getStatus() != ActivityStatus.FINISHED) {
			throw new DomainException(ActivityError.ACTIVITY_INVALID_STATE, "活动结束后才能登记受益群众");
		}
		Integer previous = activity.getBeneficiaries();
		String why = (reason == null || reason.isBlank()) ? null : reason.strip();
		if (previous != null && why == null) {
			throw DomainException.badRequest("修改已登记的受益群众人数须说明原因");
		}
		if (previous != null && previous == count) {
			return activity;
		}
		return this.tx.execute(status -> {
			Instant now = this.clock.instant();
			if (this.corrections.set(activityId, previous, count, now) == 0) {
				throw new DomainException(ActivityError.ACTIVITY_INVALID_STATE, "受益群众人数已被他人修改，请刷新后重试");
			}
			this.corrections.insert(activityId, previous, count, (why != null) ? why : "登记", actor.userId(), now);
			return this.activities.selectById(activityId);
		});
	}

	/** Corrections of the activities, oldest first, for the console's trail (one statement). */
	List<Correction> correctionsOf(Collection<Long> activityIds) {
		return activityIds.isEmpty() ? List.of() : this.corrections.ofActivities(activityIds);
	}

	/** GraphQL {@code BeneficiaryCorrection}; {@code fromCount} null for the first recording. */
	record Correction(long id, long activityId, Integer fromCount, int toCount, String reason, long correctedBy,
			Instant correctedAt) implements cn.wenming.practice.shared.BeneficiaryCorrectionLine {
	}

	@Mapper
	interface CorrectionMapper {

		/** Guarded on the value read: 0 rows when the activity is not FINISHED or its count changed meanwhile. */
		@Update("""
				UPDATE activity SET beneficiaries = #{to}, updated_at = #{now}
				WHERE id = #{id} AND status = 'FINISHED' AND (beneficiaries = #{from,jdbcType=INTEGER}
				     OR (beneficiaries IS NULL AND #{from,jdbcType=INTEGER} IS NULL))
				""")
		int set(@Param("id") long id, @Param("from") Integer from, @Param("to") int to, @Param("now") Instant now);

		@Insert("""
				INSERT INTO activity_beneficiary_correction (activity_id, from_count, to_count, reason, corrected_by, corrected_at)
				VALUES (#{id}, #{from,jdbcType=INTEGER}, #{to}, #{reason}, #{by}, #{now})
				""")
		int insert(@Param("id") long activityId, @Param("from") Integer from, @Param("to") int to,
				@Param("reason") String reason, @Param("by") long by, @Param("now") Instant now);

		@Select("""
				<script>
				SELECT id, activity_id, from_count, to_count, reason, corrected_by, corrected_at
				FROM activity_beneficiary_correction
				WHERE activity_id IN <foreach collection="ids" item="i" open="(" separator="," close=")">#{i}</foreach>
				ORDER BY id
				</script>
				""")
		List<Correction> ofActivities(@Param("ids") Collection<Long> activityIds);

	}

}
