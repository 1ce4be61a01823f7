package cn.wenming.practice.assessment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import cn.wenming.practice.shared.DomainException;
import cn.wenming.practice.shared.Xlsx;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The assessment of a unit and the units under it as an Excel workbook (issue 16): one row per
 * unit and figure, exactly {@code assessment(orgUnitId, year, month)} for the same caller (admins
 * of the unit or above). Authorised by the bearer token, see {@link Xlsx}.
 */
@RestController
class AssessmentExport {

	static final String PATH = "/exports/assessment/";

	static final List<String> HEADERS = List.of("单位编号", "单位", "层级", "指标", "期间", "数值", "分子", "分母", "目标",
			"目标周期", "达标", "至今应达", "进度正常");

	private static final Map<Assessment.Kind, String> NAMES = Map.ofEntries(
			Map.entry(Assessment.Kind.ACTIVITIES, "开展活动"), Map.entry(Assessment.Kind.THEORY_LECTURES, "理论宣讲"),
			Map.entry(Assessment.Kind.PARTY_MEMBER_PARTICIPATION, "党员参与率（%）"),
			Map.entry(Assessment.Kind.HOURS_PER_VOLUNTEER, "人均服务时长（小时）"),
			Map.entry(Assessment.Kind.VOLUNTEERS_WITH_HOURS, "有时长记录志愿者占比（%）"),
			Map.entry(Assessment.Kind.CIVILIZED_UNIT_ACTIVITIES, "结对文明单位活动（%）"),
			Map.entry(Assessment.Kind.NEEDS_RECEIVED, "收到需求"), Map.entry(Assessment.Kind.NEEDS_FULFILLED, "完成需求"),
			Map.entry(Assessment.Kind.NEED_FULFILMENT_RATE, "落实率（%）"),
			Map.entry(Assessment.Kind.NEED_SATISFACTION, "满意率（%）"),
			Map.entry(Assessment.Kind.NEED_AVERAGE_RATING, "平均评分"),
			Map.entry(Assessment.Kind.BENEFICIARIES, "受益群众（人次）"),
			Map.entry(Assessment.Kind.BENEFICIARIES_YEAR, "受益群众（人次）"),
			Map.entry(Assessment.Kind.CIVIC_REPORTS, "随手拍（件）"),
			Map.entry(Assessment.Kind.CIVIC_REPORTS_RESOLVED, "随手拍办结（件）"),
			Map.entry(Assessment.Kind.SPOT_CHECK_AVERAGE, "抽查评估平均分"),
			Map.entry(Assessment.Kind.PEER_REVIEW_AVERAGE, "站互评平均分"),
			Map.entry(Assessment.Kind.BRAND_PROJECTS, "品牌项目"),
			Map.entry(Assessment.Kind.STAFF_TRAINING_SESSIONS, "工作人员与骨干培训（次）"),
			Map.entry(Assessment.Kind.STAFF_TRAINING_COVERAGE, "培训覆盖率（%）"),
			Map.entry(Assessment.Kind.STATION_WEEKLY_ACTIVITIES, "站每周活动（%）"),
			Map.entry(Assessment.Kind.ACTIVE_TEAMS, "活跃队伍占比（%）"),
			Map.entry(Assessment.Kind.IN_SERVICE_PARTY_PARTICIPATION, "在职党员参与率（%）"));

	private final AssessmentService assessments;

	AssessmentExport(AssessmentService assessments) {
		this.assessments = assessments;
	}

	@GetMapping(PATH + "{orgUnitId}/{year}-{month}.xlsx")
	ResponseEntity<byte[]> download(@PathVariable long orgUnitId, @PathVariable int year, @PathVariable int month) {
		return Xlsx.download("考核-" + orgUnitId + "-" + year + "-" + month + ".xlsx", () -> {
			if (year < 2000 || year > 2100 || month < 1 || month > 12) {
				throw DomainException.badRequest("年月不正确");
			}
			return workbook(this.assessments.assess(orgUnitId, year, month));
		});
	}

	static Xlsx.Book workbook(Assessment assessment) {
		List<List<Object>> rows = new ArrayList<>();
		for (Assessment.UnitAssessment unit : assessment.units()) {
			for (Assessment.Figure f : unit.figures()) {
				rows.add(Arrays.asList(unit.orgUnitId(), unit.name(), unit.level().name(), NAMES.get(f.kind()),
						(f.period() == Assessment.Period.MONTH) ? "本月" : "本年累计", f.value(), f.numerator(),
						f.denominator(), f.target(),
						(f.targetPeriod() == null) ? null : (f.targetPeriod() == Assessment.TargetPeriod.MONTH) ? "月" : "年",
						f.met(), f.expectedToDate(), f.onTrack()));
			}
		}
		return Xlsx.book().sheet(assessment.year() + "年" + assessment.month() + "月", HEADERS, rows);
	}

}
