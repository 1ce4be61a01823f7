package cn.wenming.practice.testinfra;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import cn.wenming.practice.testinfra.Api.Session;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import static org.assertj.core.api.Assertions.assertThat;

/** The application's file exports ({@code /exports/...xlsx}) as the tests fetch and read them. */
public final class Exports {

	private Exports() {
	}

	/**
	 * GET {@code path} on the test server on {@code port}, as {@code as} (anonymously when null); the
	 * answer, whose status must be {@code expectedStatus}.
	 */
	public static HttpResponse<byte[]> get(int port, String path, Session as, int expectedStatus)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
		if (as != null) {
			request.header("Authorization", "Bearer " + as.accessToken());
		}
		HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request.build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).as(path + ": " + new String(response.body())).isEqualTo(expectedStatus);
		return response;
	}

	/** The cells of one sheet, as wide as its header: numbers as Double, text as String, empty cells as null. */
	public static List<List<Object>> rows(byte[] xlsx, int sheetIndex) throws IOException {
		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheetAt(sheetIndex);
			List<List<Object>> rows = new ArrayList<>();
			int width = sheet.getRow(0).getLastCellNum();
			for (Row row : sheet) {
				List<Object> cells = new ArrayList<>();
				for (int i = 0; i < width; i++) {
					Cell cell = row.getCell(i);
					cells.add((cell == null || cell.getCellType() == CellType.BLANK) ? null
							: (cell.getCellType() == CellType.NUMERIC) ? (Object) cell.getNumericCellValue()
									: cell.getStringCellValue());
				}
				rows.add(cells);
			}
			return rows;
		}
	}

}
