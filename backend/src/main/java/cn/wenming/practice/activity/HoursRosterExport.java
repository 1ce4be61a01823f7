package cn.wenming.practice.activity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import cn.wenming.practice.auth.AccessControl;
import cn.wenming.practice.need.NeedDirectory;
import cn.wenming.practice.org.OrgDirectory;
import cn.wenming.practice.org.OrgUnitRef;
import cn.wenming.practice.shared.DomainException;
import cn.wenming.practice.shared.Xlsx;
import cn.wenming.practice.volunteer.VolunteerDirectory;
import cn.wenming.practice.volunteer.VolunteerProfile;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The hours roster (时长花名册) of a period as an Excel workbook (issue 16): one row per confirmed,
 * non-revoked activity sign-up with hours, of activities organised in the unit's subtree that
 * ended between {@code from} and {@code to} (dates, Beijing time, both included; at most
 * {@value #MAX_DAYS} days) — the hours that count as credit hours in that period. Volunteers appear
 * by masked name (the roster goes round the offices). Admins of the unit or above only. A second
 * sheet lists the need-service hours of the same period (needs of the subtree's stations completed
 * in it, confirmed and not revoked, read through {@link NeedDirectory}): together the two sheets are
 * every credit hour of the period.
 */
@RestController
class HoursRosterExport {

	static final String PATH = "/exports/activity/hours/";

	static final int MAX_DAYS = 366;

	private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	private final RosterMapper roster;

	private final OrgDirectory orgs;

	private final VolunteerDirectory volunteers;

	private final AccessControl access;

	private final NeedDirectory needs;

	HoursRosterExport(RosterMapper roster, OrgDirectory orgs, VolunteerDirectory volunteers, AccessControl access,
			NeedDirectory needs) {
		this.needs = needs;
		this.roster = roster;
		this.orgs = orgs;
		this.volunteers = volunteers;
		this.access = access;
	}

	record RosterLine(long signUpId, long activityId, String title, long orgUnitId, Instant endsAt, long volunteerId,
			BigDecimal hours, Instant confirmedAt) {
	}

	@GetMapping(PATH + "{orgUnitId}.xlsx")
	ResponseEntity<byte[]> download(@PathVariable long orgUnitId, @RequestParam String from, @RequestParam String to) {
		return Xlsx.download("服务时长-" + orgUnitId + "-" + from + "-" + to + ".xlsx", () -> {
			LocalDate first;
			LocalDate last;
			try {
				first = LocalDate.parse(from);
				last = LocalDate.parse(to);
			}
			catch (DateTimeParseException ex) {
				throw DomainException.badRequest("日期格式应为 YYYY-MM-DD");
			}
			if (last.isBefore(first) || ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
				throw DomainException.badRequest("期间最长 " + MAX_DAYS + " 天，且结束日期不早于开始日期");
			}
			OrgUnitRef unit = this.orgs.require(orgUnitId);
			this.access.requireAdminOver(unit.path());
			List<Long> subtree = this.orgs.subtreeIds(unit.path());
			Instant start = first.atStartOfDay(BEIJING).toInstant();
			Instant end = last.plusDays(1).atStartOfDay(BEIJING).toInstant();
			List<RosterLine> lines = this.roster.lines(subtree, start, end);
			List<NeedDirectory.ConfirmedHoursLine> needLines = this.needs.confirmedHoursCompletedBetween(subtree, start, end);
			Map<Long, OrgUnitRef> units = this.orgs.findAll(java.util.stream.Stream
				.concat(lines.stream().map(RosterLine::orgUnitId), needLines.stream().map(NeedDirectory.ConfirmedHoursLine::stationId))
				.distinct()
				.toList());
			Map<Long, VolunteerProfile> people = this.volunteers.profiles(java.util.stream.Stream
				.concat(lines.stream().map(RosterLine::volunteerId), needLines.stream().map(NeedDirectory.ConfirmedHoursLine::volunteerId))
				.distinct()
				.toList());
			return Xlsx.book()
				.sheet("服务时长", List.of("活动编号", "活动", "组织单位", "结束时间", "志愿者编号", "志愿者", "时长（小时）", "确认时间"),
						lines.stream().map(l -> {
							OrgUnitRef u = units.get(l.orgUnitId());
							VolunteerProfile p = people.get(l.volunteerId());
							return Arrays.<Object>asList(l.activityId(), l.title(), (u == null) ? "" : u.name(),
									l.endsAt(), l.volunteerId(), (p == null) ? "" : p.maskedName(), l.hours(),
									l.confirmedAt());
						}).toList())
				.sheet("需求服务时长", List.of("需求编号", "需求", "站点", "完成时间", "志愿者编号", "志愿者", "时长（小时）", "确认时间"),
						needLines.stream().map(l -> {
							OrgUnitRef u = units.get(l.stationId());
							VolunteerProfile p = people.get(l.volunteerId());
							return Arrays.<Object>asList(l.needId(), l.title(), (u == null) ? "" : u.name(),
									l.completedAt(), l.volunteerId(), (p == null) ? "" : p.maskedName(), l.hours(),
									l.confirmedAt());
						}).toList());
		});
	}

	@Mapper
	interface RosterMapper {

		@Select("""
				<script>
				SELECT s.id AS sign_up_id, a.id AS activity_id, a.title, a.org_unit_id, a.ends_at, s.volunteer_id,
				       s.hours, s.hours_confirmed_at AS confirmed_at
				FROM activity a JOIN activity_sign_up s ON s.activity_id = a.id
				WHERE a.org_unit_id IN <foreach collection="unitIds" item="u" open="(" separator="," close=")">#{u}</foreach>
				  AND a.ends_at &gt;= #{from} AND a.ends_at &lt; #{to}
				  AND s.hours_confirmed_at IS NOT NULL AND s.hours_revoked_at IS NULL AND s.hours &gt; 0
				ORDER BY a.ends_at, a.id, s.id
				</script>
				""")
		List<RosterLine> lines(@Param("unitIds") Collection<Long> unitIds, @Param("from") Instant from,
				@Param("to") Instant to);

	}

}
