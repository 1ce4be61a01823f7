package cn.wenming.practice.need;

import java.util.List;

import cn.wenming.practice.shared.DomainException;
import cn.wenming.practice.shared.Xlsx;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The 落实清单 of a unit and month as an Excel workbook (issue 16): the same list as
 * {@code fulfilmentList} for the same caller (live for the unit's admins, else only a published
 * month), in three sheets: figures per category, fulfilled needs, open needs. Authorised by the
 * bearer token, see {@link Xlsx}.
 */
@RestController
class FulfilmentExport {

	static final String PATH = "/exports/need/fulfilment/";

	private final FulfilmentLists lists;

	FulfilmentExport(FulfilmentLists lists) {
		this.lists = lists;
	}

	@GetMapping(PATH + "{orgUnitId}/{month}.xlsx")
	ResponseEntity<byte[]> download(@PathVariable long orgUnitId, @PathVariable String month) {
		return Xlsx.download("落实清单-" + orgUnitId + "-" + month + ".xlsx", () -> {
			if (!month.matches(FulfilmentList.MONTH)) {
				throw DomainException.badRequest("月份格式应为 YYYY-MM");
			}
			return workbook(this.lists.view(orgUnitId, month));
		});
	}

	static Xlsx.Book workbook(FulfilmentList list) {
		List<List<Object>> summary = new java.util.ArrayList<>();
		for (FulfilmentList.FulfilmentSummary c : list.categories()) {
			summary.add(summaryRow(c.category(), c));
		}
		summary.add(summaryRow("合计", list.total()));
		return Xlsx.book()
			.sheet("分类统计",
					List.of("类别", "受理", "落实", "按时", "评价数", "满意", "驳回", "取消", "落实率", "按时率", "平均评分", "满意度", "受益群众"),
					summary)
			.sheet("已落实",
					List.of("需求编号", "类别", "群众", "站点", "服务方", "完成时间", "期限", "按时", "评分", "受益群众"),
					list.fulfilled()
						.stream()
						.map(n -> java.util.Arrays.<Object>asList(n.needId(), n.category(), n.residentName(),
								n.stationName(), n.servedBy(), n.completedAt(), n.deadline(), n.onTime(), n.rating(),
								n.beneficiaries()))
						.toList())
			.sheet("未落实",
					List.of("需求编号", "类别", "群众", "站点", "状态", "下一步", "责任方", "期限", "逾期"),
					list.unfulfilled()
						.stream()
						.map(n -> java.util.Arrays.<Object>asList(n.needId(), n.category(), n.residentName(),
								n.stationName(), n.status().name(), n.nextStep(), n.responsible(),
								n.deadline(), n.overdue()))
						.toList())
			.sheet("随手拍", List.of("类别", "收到", "办结", "核验", "超期"),
					((list.civicReports() == null) ? List.<FulfilmentList.CivicSummary>of() : list.civicReports())
						.stream()
						.map(c -> java.util.Arrays.<Object>asList((c.category() == null) ? "合计" : c.category(),
								c.received(), c.resolved(), c.verified(), c.overdue()))
						.toList());
	}

	private static List<Object> summaryRow(String category, FulfilmentList.FulfilmentSummary c) {
		return java.util.Arrays.asList(category, c.received(), c.fulfilled(), c.onTime(), c.rated(), c.satisfied(),
				c.rejected(), c.cancelled(), c.fulfilmentRate(), c.onTimeRate(), c.averageRating(), c.satisfaction(),
				c.beneficiaries());
	}

}
