package cn.wenming.practice.activity;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

/**
 * Lays out a service-record certificate as PDF (OpenPDF). Chinese text uses STSong-Light with the
 * UniGB-UCS2-H encoding: one of the standard CJK fonts every PDF reader supplies (Acrobat's Asian
 * font pack, pdfium, Apple's and Android's viewers), so nothing is embedded, the file stays a few
 * KB and no font licence is involved; the text extracts as Unicode, which the tests rely on.
 */
final class ServiceRecordPdf {

	/** Everything printed on a certificate. */
	record Content(String holderName, int year, List<ActivityItem> activities, List<NeedItem> needs,
			List<HonorItem> honors, BigDecimal activityHours, BigDecimal needHours, BigDecimal creditHours,
			BigDecimal honorHours, List<String> honourTitles, String issuingUnit, LocalDate issuedOn, String code) {
	}

	/** One served need (群众点单), named by its category. */
	record NeedItem(String category, LocalDate completedOn, BigDecimal hours) {
	}

	/** One attended activity. */
	record ActivityItem(String title, LocalDate date, BigDecimal hours) {
	}

	/** One honor-hours record (补录). */
	record HonorItem(LocalDate date, String reason, BigDecimal hours) {
	}

	private ServiceRecordPdf() {
	}

	static byte[] render(Content content) {
		BaseFont song;
		try {
			song = BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException("STSong-Light is missing from the PDF library", ex);
		}
		Font title = new Font(song, 22, Font.BOLD);
		Font body = new Font(song, 12);
		Font small = new Font(song, 10);
		Font head = new Font(song, 11, Font.BOLD);

		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4, 56, 56, 64, 56);
		PdfWriter.getInstance(document, out);
		document.addTitle(content.year() + " 年度志愿服务证明");
		document.open();

		Paragraph heading = new Paragraph("志愿服务证明", title);
		heading.setAlignment(Element.ALIGN_CENTER);
		heading.setSpacingAfter(24);
		document.add(heading);

		String summary = "兹证明 " + content.holderName() + " 同志于 " + content.year() + " 年度参加志愿服务活动 "
				+ content.activities().size() + " 次"
				+ (content.needs().isEmpty() ? "" : "、服务群众需求 " + content.needs().size() + " 次")
				+ "，累计信用时长 " + hours(content.creditHours()) + " 小时"
				+ (content.honors().isEmpty() ? "。"
						: "；另有荣誉时长（补录）" + hours(content.honorHours()) + " 小时，单独列示，不计入信用时长。");
		Paragraph intro = new Paragraph(summary, body);
		intro.setLeading(22);
		intro.setSpacingAfter(16);
		document.add(intro);
		if (!content.honourTitles().isEmpty()) {
			// 荣誉称号 of the year (礼遇与嘉许), read through the volunteer feature's port.
			Paragraph titles = new Paragraph("本年度获得荣誉称号：" + String.join("、", content.honourTitles()), body);
			titles.setLeading(22);
			titles.setSpacingAfter(16);
			document.add(titles);
		}

		int sections = 0;
		if (!content.activities().isEmpty()) {
			document.add(section(numeral(++sections) + "、参加的志愿服务活动（信用时长）", head));
			PdfPTable table = table(new float[] { 1, 6, 3, 3 });
			headerRow(table, head, "序号", "活动", "日期", "时长（小时）");
			int n = 1;
			for (ActivityItem item : content.activities()) {
				row(table, small, Integer.toString(n++), item.title(), item.date().toString(), hours(item.hours()));
			}
			row(table, head, "", content.needs().isEmpty() ? "合计" : "小计", "", hours(content.activityHours()));
			document.add(table);
		}
		if (!content.needs().isEmpty()) {
			document.add(section(numeral(++sections) + "、服务的群众需求（信用时长）", head));
			PdfPTable table = table(new float[] { 1, 6, 3, 3 });
			headerRow(table, head, "序号", "需求类别", "完成日期", "时长（小时）");
			int n = 1;
			for (NeedItem item : content.needs()) {
				row(table, small, Integer.toString(n++), item.category(), item.completedOn().toString(),
						hours(item.hours()));
			}
			row(table, head, "", content.activities().isEmpty() ? "合计" : "小计", "", hours(content.needHours()));
			document.add(table);
		}
		if (!content.activities().isEmpty() && !content.needs().isEmpty()) {
			Paragraph total = new Paragraph("信用时长合计：" + hours(content.creditHours()) + " 小时", head);
			total.setSpacingBefore(6);
			document.add(total);
		}
		if (!content.honors().isEmpty()) {
			document.add(section(numeral(++sections) + "、荣誉时长（补录）", head));
			PdfPTable table = table(new float[] { 1, 6, 3, 3 });
			headerRow(table, head, "序号", "补录原因", "服务日期", "时长（小时）");
			int n = 1;
			for (HonorItem item : content.honors()) {
				row(table, small, Integer.toString(n++), item.reason(), item.date().toString(), hours(item.hours()));
			}
			row(table, head, "", "合计", "", hours(content.honorHours()));
			document.add(table);
		}

		Paragraph issuer = new Paragraph("出具单位：" + content.issuingUnit(), body);
		issuer.setSpacingBefore(28);
		issuer.setAlignment(Element.ALIGN_RIGHT);
		document.add(issuer);
		Paragraph date = new Paragraph("出具日期：" + content.issuedOn().getYear() + " 年 " + content.issuedOn().getMonthValue()
				+ " 月 " + content.issuedOn().getDayOfMonth() + " 日", body);
		date.setAlignment(Element.ALIGN_RIGHT);
		document.add(date);

		Paragraph code = new Paragraph("验证码：" + content.code(), head);
		code.setSpacingBefore(28);
		document.add(code);
		document.add(new Paragraph("可在小程序“志愿服务证明核验”中输入验证码核验本证明的真实性。", small));
		document.close();
		return out.toByteArray();
	}

	private static String numeral(int n) {
		return String.valueOf("一二三".charAt(n - 1));
	}

	private static Paragraph section(String text, Font font) {
		Paragraph p = new Paragraph(text, font);
		p.setSpacingBefore(10);
		p.setSpacingAfter(6);
		return p;
	}

	private static PdfPTable table(float[] widths) {
		PdfPTable table = new PdfPTable(widths);
		table.setWidthPercentage(100);
		table.setHeaderRows(1);
		return table;
	}

	private static void headerRow(PdfPTable table, Font font, String... cells) {
		row(table, font, cells);
	}

	private static void row(PdfPTable table, Font font, String... cells) {
		for (String text : cells) {
			PdfPCell cell = new PdfPCell(new Phrase(text, font));
			cell.setPadding(5);
			table.addCell(cell);
		}
	}

	/** 2.5, 3, 12.25: no trailing zeros. */
	static String hours(BigDecimal value) {
		return (value == null || value.signum() == 0) ? "0" : value.stripTrailingZeros().toPlainString();
	}

}
