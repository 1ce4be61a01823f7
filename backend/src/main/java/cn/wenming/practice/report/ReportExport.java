package cn.wenming.practice.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import cn.wenming.practice.shared.Xlsx;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A report as an Excel workbook: exactly {@code report(id)} for the same caller (admins covering the
 * unit, its own or above), in three sheets: the figures, the figures per part (the unit itself and
 * each direct child's subtree) and the highlights with the highlighted activities. Authorised by
 * the bearer token, see {@link Xlsx}.
 */
@RestController
class ReportExport {

	static final String PATH = ReportView.EXCEL_PATH;

	static final List<String> FIGURE_NAMES = List.of("开展活动（场）", "报名（人次）", "参与（人次）", "收到需求", "完成需求",
			"逾期需求", "评价数", "满意数", "满意率（%）", "确认服务时长（小时）", "注册志愿者", "新增志愿者", "受益群众（人次）");

	private final ReportService reports;

	ReportExport(ReportService reports) {
		this.reports = reports;
	}

	@GetMapping(PATH + "{id}.xlsx")
	ResponseEntity<byte[]> download(@PathVariable long id) {
		return Xlsx.download("工作报告-" + id + ".xlsx", () -> workbook(this.reports.get(id)));
	}

	static List<Object> values(ReportDocument.Figures f) {
		return Arrays.asList(f.activitiesHeld(), f.signUps(), f.participants(), f.needsReceived(), f.needsFulfilled(),
				f.needsOverdue(), f.needsRated(), f.needsSatisfied(), f.satisfactionRate(), f.confirmedHours(),
				f.volunteers(), f.newVolunteers(), f.beneficiaries());
	}

	static Xlsx.Book workbook(ReportView report) {
		List<List<Object>> summary = new ArrayList<>();
		summary.add(Arrays.asList("报告期", report.period() + "（" + report.periodStart() + " 至 " + report.periodEnd() + "）"));
		summary.add(Arrays.asList("类型", (report.kind() == ReportKind.WEEKLY) ? "周报" : "月报"));
		summary.add(Arrays.asList("状态", switch (report.status()) {
			case DRAFT -> "草稿";
			case PUBLISHED -> "已报送";
			case SUPERSEDED -> "已被更正";
		}));
		summary.add(Arrays.asList("版本", report.version()));
		List<Object> values = values(report.figures());
		for (int i = 0; i < FIGURE_NAMES.size(); i++) {
			summary.add(Arrays.asList(FIGURE_NAMES.get(i), values.get(i)));
		}
		List<String> unitHeaders = new ArrayList<>(List.of("单位编号", "单位", "范围"));
		unitHeaders.addAll(FIGURE_NAMES);
		List<List<Object>> units = new ArrayList<>();
		for (ReportDocument.UnitRow row : report.units()) {
			List<Object> cells = new ArrayList<>(Arrays.asList(row.orgUnitId(), row.name(), row.own() ? "本级" : "下级合计"));
			cells.addAll(values(row.figures()));
			units.add(cells);
		}
		List<List<Object>> highlights = new ArrayList<>();
		highlights.add(Arrays.asList(null, "工作亮点", report.highlights(), null, null, null));
		for (ReportDocument.Activity a : report.highlightedActivities()) {
			highlights.add(Arrays.asList(a.id(), a.title(), a.unitName(), a.startsAt(), a.participants(),
					a.beneficiaries()));
		}
		return Xlsx.book()
			.sheet("概况", List.of("项目", "数值"), summary)
			.sheet("分单位", unitHeaders, units)
			.sheet("亮点", List.of("活动编号", "活动", "单位", "开始时间", "参与（人次）", "受益群众"), highlights);
	}

}
