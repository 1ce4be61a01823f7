package cn.wenming.practice.project;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import cn.wenming.practice.shared.CreationKeys;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** {@code project_task} and its trail {@code project_task_log}. Every change of status is a guarded update. */
@Mapper
interface ProjectTaskMapper extends BaseMapper<ProjectTask> {

	/** What this creator made with this idempotency key, if anything. */
	@Select("SELECT id, request_digest FROM project_task WHERE created_by = #{creator} AND idempotency_key = #{key}")
	CreationKeys.Earlier findByKey(@Param("creator") long creator, @Param("key") String key);

	@Select("""
			<script>
			SELECT * FROM project_task WHERE project_id = #{projectId}
			<if test="status != null"> AND status = #{status}</if>
			<if test="afterId != null"> AND id &gt; #{afterId}</if>
			ORDER BY id LIMIT #{limit}
			</script>
			""")
	List<ProjectTask> page(@Param("projectId") long projectId, @Param("status") String status,
			@Param("afterId") Long afterId, @Param("limit") int limit);

	/**
	 * Tasks owned by the volunteer or by one of the teams; on {@code date}, or every open one when it
	 * is null. (A null volunteer id matches no row: {@code = NULL} is never true.)
	 */
	@Select("""
			<script>
			SELECT * FROM project_task
			WHERE (owner_volunteer_id = #{volunteerId}
			<if test="!teamIds.isEmpty()"> OR owner_team_id IN <foreach collection="teamIds" item="t" open="(" separator="," close=")">#{t}</foreach></if>)
			<if test="date != null"> AND due_date = #{date} AND status &lt;&gt; 'CANCELLED'</if>
			<if test="date == null"> AND status = 'OPEN'</if>
			ORDER BY due_date, id LIMIT #{limit}
			</script>
			""")
	List<ProjectTask> owned(@Param("volunteerId") Long volunteerId, @Param("teamIds") Collection<Long> teamIds,
			@Param("date") LocalDate date, @Param("limit") int limit);

	@Update("""
			UPDATE project_task SET due_date = #{dueDate}, updated_at = #{now}
			WHERE id = #{id} AND status = 'OPEN'
			""")
	int reschedule(@Param("id") long id, @Param("dueDate") LocalDate dueDate, @Param("now") Instant now);

	@Update("""
			UPDATE project_task SET status = 'CANCELLED', cancel_reason = #{reason}, updated_at = #{now}
			WHERE id = #{id} AND status = 'OPEN'
			""")
	int cancel(@Param("id") long id, @Param("reason") String reason, @Param("now") Instant now);

	/** Completes an OPEN task: 0 when it was completed (by anyone) or cancelled already. */
	@Update("""
			UPDATE project_task SET status = 'DONE', completed_by = #{by}, completed_at = #{now}, note = #{note},
			       updated_at = #{now}
			WHERE id = #{id} AND status = 'OPEN'
			""")
	int complete(@Param("id") long id, @Param("by") long by, @Param("note") String note, @Param("now") Instant now);

	/** Per project: tasks not cancelled, done, and open past their date. */
	@Select("""
			<script>
			SELECT project_id AS projectId, COUNT(*) AS total,
			       SUM(CASE WHEN status = 'DONE' THEN 1 ELSE 0 END) AS done,
			       SUM(CASE WHEN status = 'OPEN' AND due_date &lt; #{today} THEN 1 ELSE 0 END) AS overdue
			FROM project_task
			WHERE status &lt;&gt; 'CANCELLED'
			  AND project_id IN <foreach collection="projectIds" item="p" open="(" separator="," close=")">#{p}</foreach>
			GROUP BY project_id
			</script>
			""")
	List<ProgressRow> progress(@Param("projectIds") Collection<Long> projectIds, @Param("today") LocalDate today);

	/** One project's counts. */
	class ProgressRow {

		public long projectId;

		public int total;

		public int done;

		public int overdue;

	}

	/** OPEN tasks due on {@code day} not yet reminded that day, by id. */
	@Select("""
			SELECT * FROM project_task
			WHERE due_date = #{day} AND status = 'OPEN' AND (reminded_on IS NULL OR reminded_on <> #{day})
			  AND id > #{afterId}
			ORDER BY id LIMIT #{limit}
			""")
	List<ProjectTask> dueUnreminded(@Param("day") LocalDate day, @Param("afterId") long afterId,
			@Param("limit") int limit);

	/** Claims the day's reminder of a task: 1 for the one caller that reminds, 0 for any other. */
	@Update("""
			UPDATE project_task SET reminded_on = #{day}
			WHERE id = #{id} AND status = 'OPEN' AND due_date = #{day} AND (reminded_on IS NULL OR reminded_on <> #{day})
			""")
	int claimReminder(@Param("id") long id, @Param("day") LocalDate day);

	@Insert("""
			INSERT INTO project_task_log (task_id, action, actor_id, detail, logged_at)
			VALUES (#{taskId}, #{action}, #{actorId}, #{detail}, #{at})
			""")
	int log(@Param("taskId") long taskId, @Param("action") String action, @Param("actorId") long actorId,
			@Param("detail") String detail, @Param("at") Instant at);

	@Select("""
			<script>
			SELECT task_id AS taskId, action, actor_id AS actorId, detail, logged_at AS loggedAt FROM project_task_log
			WHERE task_id IN <foreach collection="taskIds" item="t" open="(" separator="," close=")">#{t}</foreach>
			ORDER BY id
			</script>
			""")
	List<LogRow> history(@Param("taskIds") Collection<Long> taskIds);

	/** One trail entry. */
	class LogRow {

		public long taskId;

		public String action;

		public long actorId;

		public String detail;

		public Instant loggedAt;

	}

}
