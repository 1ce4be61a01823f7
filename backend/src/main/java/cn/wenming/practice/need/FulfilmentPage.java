package cn.wenming.practice.need;

import java.time.Duration;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import cn.wenming.practice.need.FulfilmentList.FulfilledNeed;
import cn.wenming.practice.need.FulfilmentList.FulfilmentSummary;
import cn.wenming.practice.need.FulfilmentList.UnfulfilledNeed;
import cn.wenming.practice.shared.DomainException;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The published 落实清单 as a plain HTML page at a stable public URL that a 公众号 article can link
 * to: server-rendered without scripts (WeChat's in-app browser and old phones), every value
 * HTML-escaped, readable on a phone. Only published (frozen) lists are served, so the page may be
 * cached; an unpublished month, an unknown unit or a malformed month is a 404 page.
 */
@Controller
class FulfilmentPage {

	static final String PREFIX = "/public/fulfilment/";

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT)
		.withZone(FulfilmentLists.ZONE);

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
		.withZone(FulfilmentLists.ZONE);

	private static final MediaType HTML = new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8);

	private final FulfilmentLists lists;

	FulfilmentPage(FulfilmentLists lists) {
		this.lists = lists;
	}

	static String path(long orgUnitId, String month) {
		return PREFIX + orgUnitId + "/" + month;
	}

	@GetMapping(PREFIX + "{orgUnitId}/{month}")
	ResponseEntity<String> page(@PathVariable String orgUnitId, @PathVariable String month) {
		FulfilmentList list = find(orgUnitId, month);
		if (list == null) {
			// Short: the month may be published any minute.
			return ResponseEntity.status(HttpStatus.NOT_FOUND)
				.contentType(HTML)
				.cacheControl(CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic())
				.header("X-Content-Type-Options", "nosniff")
				.body(notFound());
		}
		// A published list never changes, but an hour keeps a mistaken publication from living for days in caches.
		return ResponseEntity.ok()
			.contentType(HTML)
			.cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
			.lastModified(list.publishedAt())
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
			.body(render(list));
	}

	private FulfilmentList find(String orgUnitId, String month) {
		if (!orgUnitId.matches("^\\d{1,18}$") || !month.matches(FulfilmentList.MONTH)) {
			return null;
		}
		try {
			return this.lists.findPublished(Long.parseLong(orgUnitId), YearMonth.parse(month));
		}
		catch (DomainException | java.time.DateTimeException ex) {
			return null;
		}
	}

	static String render(FulfilmentList list) {
		YearMonth month = YearMonth.parse(list.month());
		String title = month.getYear() + "年" + month.getMonthValue() + "月需求落实清单";
		StringBuilder html = new StringBuilder(8192);
		head(html, esc(list.orgUnitName()) + " · " + title);
		html.append("<header><h1>").append(esc(list.orgUnitName())).append("</h1><p class=\"sub\">").append(title);
		if (list.publishedAt() != null) {
			html.append(" · 公示于 ").append(DAY.format(list.publishedAt()));
		}
		html.append("</p></header>\n");

		FulfilmentSummary total = list.total();
		html.append("<section class=\"cards\">")
			.append(card("受理需求", Integer.toString(total.received())))
			.append(card("已落实", Integer.toString(total.fulfilled())))
			.append(card("落实率", percent(total.fulfilmentRate())))
			.append(card("满意度", percent(total.satisfaction())))
			.append(card("受益群众", total.beneficiaries() + "人次"))
			.append("</section>\n");

		html.append("<h2>分类汇总</h2><div class=\"scroll\"><table id=\"summary\"><thead><tr>")
			.append("<th>类别</th><th>受理</th><th>已落实</th><th>按期</th><th>落实率</th><th>平均评分</th><th>满意度</th>")
			.append("<th>受益群众</th><th>不予受理</th><th>撤销</th></tr></thead><tbody>");
		for (FulfilmentSummary row : list.categories()) {
			summaryRow(html, esc(row.category()), row, "");
		}
		summaryRow(html, "合计", total, " class=\"total\"");
		html.append("</tbody></table></div>\n");

		if (list.civicReports() != null) {
			html.append("<h2>随手拍</h2><div class=\"scroll\"><table id=\"civic\"><thead><tr>")
				.append("<th>类别</th><th>收到</th><th>已办结</th><th>已核验</th><th>超期</th></tr></thead><tbody>");
			for (FulfilmentList.CivicSummary row : list.civicReports()) {
				html.append((row.category() == null) ? "<tr class=\"total\"><td>合计" : "<tr><td>" + esc(row.category()))
					.append("</td><td>").append(row.received()).append("</td><td>").append(row.resolved())
					.append("</td><td>").append(row.verified()).append("</td><td>").append(row.overdue())
					.append("</td></tr>");
			}
			html.append("</tbody></table></div>\n");
		}

		List<FulfilledNeed> fulfilled = list.fulfilled();
		html.append("<h2>已落实（").append(fulfilled.size()).append("）</h2>");
		if (fulfilled.isEmpty()) {
			html.append("<p class=\"empty\">本月暂无已落实的需求</p>");
		}
		else {
			html.append("<div class=\"scroll\"><table id=\"fulfilled\"><thead><tr><th>类别</th><th>群众</th>")
				.append("<th>服务方</th><th>完成日期</th><th>按期</th><th>评分</th><th>受益群众</th></tr></thead><tbody>");
			for (FulfilledNeed need : fulfilled) {
				html.append("<tr><td>").append(esc(need.category())).append("</td><td>")
					.append(esc(need.residentName())).append("</td><td>").append(esc(dash(need.servedBy())))
					.append("</td><td>").append(DAY.format(need.completedAt())).append("</td><td>")
					.append(need.onTime() ? "是" : "否").append("</td><td>")
					.append((need.rating() == null) ? "未评价" : need.rating() + "星").append("</td><td>")
					.append((need.beneficiaries() == null) ? "—" : need.beneficiaries().toString()).append("</td></tr>");
			}
			html.append("</tbody></table></div>\n");
		}

		List<UnfulfilledNeed> unfulfilled = list.unfulfilled();
		html.append("<h2>未落实（").append(unfulfilled.size()).append("）</h2>");
		if (unfulfilled.isEmpty()) {
			html.append("<p class=\"empty\">本月受理的需求已全部落实</p>");
		}
		else {
			html.append("<div class=\"scroll\"><table id=\"unfulfilled\"><thead><tr><th>类别</th><th>群众</th>")
				.append("<th>下一步</th><th>责任方</th><th>限兑时间</th></tr></thead><tbody>");
			for (UnfulfilledNeed need : unfulfilled) {
				html.append("<tr><td>").append(esc(need.category())).append("</td><td>")
					.append(esc(need.residentName())).append("</td><td>").append(esc(need.nextStep()))
					.append("</td><td>").append(esc(dash(need.responsible()))).append("</td><td>")
					.append((need.deadline() == null) ? "待定" : MINUTE.format(need.deadline()))
					.append(need.overdue() ? "<span class=\"late\">（已逾期）</span>" : "").append("</td></tr>");
			}
			html.append("</tbody></table></div>\n");
		}

		html.append("<footer><p>口径：按群众提交需求的月份（北京时间）归入当月清单；已落实指已完成（含已评价、逾期未评价自动关闭）；")
			.append("按期指在派单时约定的完成期限（认领的需求以群众期望日期为准）内完成；落实率＝已落实÷受理；")
			.append("满意度＝评分4星及以上÷已评价；受益群众为已落实需求服务的人次（完成时填写，经管理员核定）。清单公示后不再变动，数据截至公示时。</p></footer>\n</body></html>\n");
		return html.toString();
	}

	private static void summaryRow(StringBuilder html, String label, FulfilmentSummary row, String attributes) {
		html.append("<tr").append(attributes).append("><td>").append(label).append("</td><td>").append(row.received())
			.append("</td><td>").append(row.fulfilled()).append("</td><td>").append(row.onTime()).append("</td><td>")
			.append(percent(row.fulfilmentRate())).append("</td><td>").append(rating(row.averageRating()))
			.append("</td><td>").append(percent(row.satisfaction())).append("</td><td>").append(row.beneficiaries())
			.append("</td><td>").append(row.rejected())
			.append("</td><td>").append(row.cancelled()).append("</td></tr>");
	}

	private static String card(String label, String value) {
		return "<div class=\"card\"><div class=\"value\">" + value + "</div><div class=\"label\">" + label
				+ "</div></div>";
	}

	private static void head(StringBuilder html, String title) {
		html.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
			.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
			.append("<title>").append(title).append("</title><style>")
			.append("body{margin:0 auto;max-width:960px;padding:12px;font:15px/1.6 -apple-system,\"PingFang SC\",")
			.append("\"Microsoft YaHei\",sans-serif;color:#222;background:#fafafa}")
			.append("h1{font-size:20px;margin:8px 0 0;color:#b71c1c}h2{font-size:17px;margin:20px 0 8px}")
			.append(".sub{color:#666;margin:2px 0 12px}.cards{display:flex;flex-wrap:wrap;gap:8px}")
			.append(".card{flex:1 1 40%;background:#fff;border:1px solid #eee;border-radius:8px;padding:8px;text-align:center}")
			.append(".value{font-size:20px;font-weight:bold;color:#b71c1c}.label{color:#666;font-size:13px}")
			.append(".scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}")
			.append("table{border-collapse:collapse;width:100%;background:#fff;font-size:14px}")
			.append("th,td{border:1px solid #e5e5e5;padding:6px 8px;text-align:left;white-space:nowrap}")
			.append("th{background:#f3f3f3}tr.total td{font-weight:bold}.late{color:#c62828}")
			.append(".empty{color:#666}footer{color:#888;font-size:12px;margin-top:24px}")
			.append("</style></head><body>\n");
	}

	private static String notFound() {
		StringBuilder html = new StringBuilder();
		head(html, "落实清单尚未公示");
		html.append("<h1>落实清单尚未公示</h1><p class=\"sub\">该单位该月的需求落实清单尚未公示，请稍后再来查看。</p>")
			.append("</body></html>\n");
		return html.toString();
	}

	private static String percent(Double ratio) {
		return (ratio == null) ? "—" : String.format(Locale.ROOT, "%.1f%%", ratio * 100);
	}

	private static String rating(Double average) {
		return (average == null) ? "—" : String.format(Locale.ROOT, "%.1f", average);
	}

	private static String dash(String text) {
		return (text == null || text.isEmpty()) ? "—" : text;
	}

	/** HTML-escapes text for element content and quoted attribute values. */
	static String esc(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '&' -> out.append("&amp;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				default -> out.append(c);
			}
		}
		return out.toString();
	}

}
