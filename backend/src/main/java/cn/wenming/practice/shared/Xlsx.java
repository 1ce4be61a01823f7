package cn.wenming.practice.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Supplier;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Excel exports (issue 16): each module writes its own workbook with this and serves it from its
 * own controller at {@code GET /exports/<module>/...}. Workbooks stream through SXSSF (only
 * {@value #WINDOW} rows in memory per sheet) so an hours roster of a whole county is cheap.
 * Numbers are written as numbers and times as Beijing-time text, so a reader can sum a column and
 * nobody's spreadsheet time zone shifts a date.
 * <p>
 * The GET is authorised by the caller's bearer token (the console sends it, {@code fetch} then
 * saves the blob), and the rights are checked by the same service method as the GraphQL view at
 * the moment of the download. A signed link (as for the certificate PDF) was not chosen: an export
 * is live data, not a stored document, so the link would need to carry the caller and re-check
 * their rights anyway, and the token never appears in a URL, a history or an access log.
 */
public final class Xlsx {

	/** Rows kept in memory per sheet before SXSSF flushes them to a temporary file. */
	public static final int WINDOW = 200;

	public static final MediaType MEDIA_TYPE = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(BEIJING);

	private Xlsx() {
	}

	/** A workbook being written: add sheets, then {@link #bytes()}. */
	public static final class Book {

		private final SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);

		private final CellStyle header;

		Book() {
			this.header = this.workbook.createCellStyle();
			Font bold = this.workbook.createFont();
			bold.setBold(true);
			this.header.setFont(bold);
		}

		/** One sheet: a bold header row, then one row per element (null cells stay empty). */
		public Book sheet(String name, List<String> headers, Iterable<? extends List<?>> rows) {
			SXSSFSheet sheet = this.workbook.createSheet(name);
			Row first = sheet.createRow(0);
			for (int i = 0; i < headers.size(); i++) {
				Cell cell = first.createCell(i);
				cell.setCellValue(headers.get(i));
				cell.setCellStyle(this.header);
				sheet.setColumnWidth(i, Math.max(10, headers.get(i).length() * 2 + 4) * 256);
			}
			sheet.createFreezePane(0, 1);
			int r = 1;
			for (List<?> values : rows) {
				Row row = sheet.createRow(r++);
				for (int i = 0; i < values.size(); i++) {
					write(row, i, values.get(i));
				}
			}
			return this;
		}

		public byte[] bytes() {
			// close() also deletes SXSSF's temporary sheet files
			try (SXSSFWorkbook book = this.workbook; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
				book.write(out);
				return out.toByteArray();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		private static void write(Row row, int column, Object value) {
			if (value == null) {
				return;
			}
			Cell cell = row.createCell(column);
			if (value instanceof Number number) {
				cell.setCellValue((number instanceof BigDecimal big) ? big.doubleValue() : number.doubleValue());
			}
			else if (value instanceof Boolean flag) {
				cell.setCellValue(flag ? "是" : "否");
			}
			else if (value instanceof Instant instant) {
				cell.setCellValue(TIME.format(instant));
			}
			else if (value instanceof LocalDate date) {
				cell.setCellValue(date.toString());
			}
			else {
				cell.setCellValue(value.toString());
			}
		}

	}

	public static Book book() {
		return new Book();
	}

	/**
	 * The download: the workbook the supplier writes, or the refusal its {@link DomainException}
	 * names, in GraphQL's error shape with the matching HTTP status (anonymous 401, no rights 403).
	 */
	public static ResponseEntity<byte[]> download(String filename, Supplier<Book> workbook) {
		byte[] body;
		try {
			body = workbook.get().bytes();
		}
		catch (DomainException ex) {
			return refusal(ex);
		}
		return ResponseEntity.ok()
			.contentType(MEDIA_TYPE)
			.cacheControl(CacheControl.noStore())
			.header("Content-Disposition",
					ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(body);
	}

	private static ResponseEntity<byte[]> refusal(DomainException ex) {
		ErrorCode code = ex.code();
		graphql.ErrorClassification type = code.errorType();
		HttpStatus status;
		if (type == Classification.UNAUTHENTICATED || type == ErrorType.UNAUTHORIZED) {
			status = HttpStatus.UNAUTHORIZED;
		}
		else if (type == ErrorType.FORBIDDEN) {
			status = HttpStatus.FORBIDDEN;
		}
		else if (type == ErrorType.NOT_FOUND) {
			status = HttpStatus.NOT_FOUND;
		}
		else if (type == Classification.SERVICE_UNAVAILABLE
				|| type == ErrorType.INTERNAL_ERROR) {
			status = HttpStatus.SERVICE_UNAVAILABLE;
		}
		else {
			status = HttpStatus.BAD_REQUEST;
		}
		String message = (ex.getMessage() == null) ? code.defaultMessage() : ex.getMessage();
		String body = "{\"errors\":[{\"message\":\"" + message.replace("\\", "").replace("\"", "'")
				+ "\",\"extensions\":{\"code\":\"" + code.name() + "\"}}]}";
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.cacheControl(CacheControl.noStore())
			.body(body.getBytes(StandardCharsets.UTF_8));
	}

}
