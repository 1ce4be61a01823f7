package cn.wenming.practice.civic;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import cn.wenming.practice.shared.CreationKeys;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * {@code civic_report} and its trail. Every move is a guarded UPDATE: it names the states it leaves,
 * so of two admins acting at once one changes the row and the other's UPDATE matches nothing.
 */
@Mapper
interface CivicReportMapper extends BaseMapper<CivicReport> {

	/** The report this user submitted with this idempotency key, if any. */
	@Select("SELECT id, request_digest FROM civic_report WHERE reporter_user_id = #{reporter} AND idempotency_key = #{key}")
	CreationKeys.Earlier findByKey(@Param("reporter") long reporter, @Param("key") String key);

	@Update("""
			UPDATE civic_report SET status = #{to}, deadline_on = #{deadline}, reject_reason = #{reason},
			  triaged_by = #{by}, triaged_at = #{at}, updated_at = #{at}, version = version + 1
			WHERE id = #{id} AND status = 'SUBMITTED'
			""")
	int triage(@Param("id") long id, @Param("to") CivicStatus to, @Param("deadline") LocalDate deadline,
			@Param("reason") String reason, @Param("by") long by, @Param("at") Instant at);

	@Update("""
			UPDATE civic_report SET status = 'ROUTED', routed_team_id = #{teamId}, department_name = #{name},
			  department_contact = #{contact}, routed_by = #{by}, routed_at = #{at}, updated_at = #{at},
			  version = version + 1
			WHERE id = #{id} AND status IN ('ACCEPTED', 'ROUTED') AND version = #{version}
			""")
	int route(@Param("id") long id, @Param("version") int version, @Param("teamId") Long teamId,
			@Param("name") String name, @Param("contact") String contact, @Param("by") long by, @Param("at") Instant at);

	@Update("""
			UPDATE civic_report SET status = 'RESOLVED', resolution_note = #{note}, resolved_by = #{by},
			  resolved_at = #{at}, updated_at = #{at}, version = version + 1
			WHERE id = #{id} AND status IN ('ACCEPTED', 'ROUTED') AND version = #{version}
			""")
	int resolve(@Param("id") long id, @Param("version") int version, @Param("note") String note,
			@Param("by") long by, @Param("at") Instant at);

	@Update("""
			UPDATE civic_report SET status = 'VERIFIED', verified_by = #{by}, verified_at = #{at}, updated_at = #{at},
			  version = version + 1
			WHERE id = #{id} AND status = 'RESOLVED' AND resolved_by <> #{by}
			""")
	int verify(@Param("id") long id, @Param("by") long by, @Param("at") Instant at);

	/** The verifier sends a resolution back: in hand again, routed or not as before. */
	@Update("""
			UPDATE civic_report SET status = CASE WHEN routed_at IS NULL THEN 'ACCEPTED' ELSE 'ROUTED' END,
			  resolution_note = NULL, resolved_by = NULL, resolved_at = NULL, updated_at = #{at}, version = version + 1
			WHERE id = #{id} AND status = 'RESOLVED' AND resolved_by <> #{by}
			""")
	int sendBack(@Param("id") long id, @Param("by") long by, @Param("at") Instant at);

	@Update("""
			UPDATE civic_report SET photos_public = #{publishable}, updated_at = #{at}, version = version + 1
			WHERE id = #{id}
			""")
	int setPhotosPublic(@Param("id") long id, @Param("publishable") boolean publishable, @Param("at") Instant at);

	@Insert("""
			INSERT INTO civic_report_history (report_id, from_status, to_status, actor_user_id, note, created_at)
			VALUES (#{reportId}, #{from}, #{to}, #{actor}, #{note}, #{at})
			""")
	int record(@Param("reportId") long reportId, @Param("from") CivicStatus from, @Param("to") CivicStatus to,
			@Param("actor") long actor, @Param("note") String note, @Param("at") Instant at);

	@Select("""
			<script>
			SELECT id, report_id, from_status, to_status, actor_user_id, note, created_at FROM civic_report_history
			WHERE report_id IN <foreach collection="ids" item="i" open="(" separator="," close=")">#{i}</foreach>
			ORDER BY report_id, id
			</script>
			""")
	List<CivicTransition> history(@Param("ids") Collection<Long> reportIds);

	@Select("""
			<script>
			SELECT * FROM civic_report
			WHERE station_id IN <foreach collection="stations" item="s" open="(" separator="," close=")">#{s}</foreach>
			<if test="status != null"> AND status = #{status}</if>
			<if test="afterId != null"> AND id &lt; #{afterId}</if>
			ORDER BY id DESC
			LIMIT #{limit}
			</script>
			""")
	List<CivicReport> pageInStations(@Param("stations") Collection<Long> stationIds, @Param("status") CivicStatus status,
			@Param("afterId") Long afterId, @Param("limit") int limit);

	@Select("""
			<script>
			SELECT * FROM civic_report WHERE reporter_user_id = #{userId}
			<if test="afterId != null"> AND id &lt; #{afterId}</if>
			ORDER BY id DESC
			LIMIT #{limit}
			</script>
			""")
	List<CivicReport> pageOfReporter(@Param("userId") long userId, @Param("afterId") Long afterId,
			@Param("limit") int limit);

	/** In hand past their deadline day (the deadline day itself is still in time), oldest deadline first. */
	@Select("""
			<script>
			SELECT * FROM civic_report
			WHERE status IN ('ACCEPTED', 'ROUTED') AND deadline_on &lt; #{today}
			  AND station_id IN <foreach collection="stations" item="s" open="(" separator="," close=")">#{s}</foreach>
			ORDER BY deadline_on, id
			LIMIT #{limit}
			</script>
			""")
	List<CivicReport> overdue(@Param("stations") Collection<Long> stationIds, @Param("today") LocalDate today,
			@Param("limit") int limit);

	/** Reports submitted in [from, to) per station, category and current state: one statement for any subtree. */
	@Select("""
			<script>
			SELECT station_id, category, status,
			  SUM(CASE WHEN status IN ('ACCEPTED', 'ROUTED') AND deadline_on &lt; #{today} THEN 1 ELSE 0 END) AS overdue,
			  COUNT(*) AS reports
			FROM civic_report
			WHERE station_id IN <foreach collection="stations" item="s" open="(" separator="," close=")">#{s}</foreach>
			  AND created_at &gt;= #{from} AND created_at &lt; #{to}
			GROUP BY station_id, category, status
			</script>
			""")
	List<CountRow> counts(@Param("stations") Collection<Long> stationIds, @Param("from") Instant from,
			@Param("to") Instant to, @Param("today") LocalDate today);

	/** Category and status by name (columns mapped in order onto the constructor). */
	record CountRow(long stationId, String categoryName, String statusName, long overdue, long reports) {

		CivicCategory category() {
			return CivicCategory.valueOf(this.categoryName);
		}

		CivicStatus status() {
			return CivicStatus.valueOf(this.statusName);
		}

	}

}
