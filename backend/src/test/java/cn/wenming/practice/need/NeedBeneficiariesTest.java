package cn.wenming.practice.need;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.org.OrgDirectory;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.Scenario;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 受益群众 of needs (issue 18): given by the assignee at completion (1 when not given), bounded,
 * settled by the admin who confirms the hours and corrected later only by such an admin with a
 * reason, every change kept; and the sums in the 落实清单 — per category and in total, in the
 * GraphQL list, the public page and the Excel export.
 */
@IntegrationTest
class NeedBeneficiariesTest {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@Scenario
	NeedScenario s;

	@Autowired
	FulfilmentLists lists;

	@Autowired
	OrgDirectory orgs;

	@LocalServerPort
	int port;

	@Test
	void countsAreValidatedScopedTrailedAndSummedInTheFulfilmentList() throws Exception {
		Session stranger = this.s.api.login(Fixtures.unique("stranger"));
		String group = started("社区老人集体理发");
		String single = started("帮老人修电灯");

		// Validation at completion: refused, the need stays in service and nothing is recorded.
		ApiErrors.expectCode(complete(group, 10_001), "NEED_BENEFICIARIES_INVALID");
		ApiErrors.expectCode(complete(group, -1), "NEED_BENEFICIARIES_INVALID");
		assertThat(this.s.count("SELECT COUNT(*) FROM need WHERE id = ? AND status = 'IN_PROGRESS'"
				+ " AND beneficiaries IS NULL", Long.valueOf(group))).isEqualTo(1);
		complete(group, 12).path("completeNeed.beneficiaries").entity(Integer.class).isEqualTo(12);
		// Not given: the resident alone.
		complete(single, null).path("completeNeed.beneficiaries").entity(Integer.class).isEqualTo(1);

		// Scope: whoever served does not settle the count; nor does anyone without the station.
		ApiErrors.expectCode(correct(this.s.volunteer, group, 30, "多算几位"), "FORBIDDEN");
		ApiErrors.expectCode(correct(stranger, group, 30, "多算几位"), "FORBIDDEN");
		ApiErrors.expectCode(correct(this.s.resident, group, 30, "多算几位"), "FORBIDDEN");
		ApiErrors.expectCode(correct(this.s.admin, group, 10_001, "录入有误"), "NEED_BENEFICIARIES_INVALID");
		ApiErrors.expectBadField(correct(this.s.admin, group, 10, " "), "input.reason");
		String open = this.s.published("帮老人取药");
		ApiErrors.expectCode(correct(this.s.admin, open, 3, "提前登记"), "NEED_INVALID_STATE");

		// Confirmed with the hours: the admin's count replaces the assignee's, and the change is kept.
		this.s.api.as(this.s.admin).document("""
				mutation($needId: ID!, $n: Int) {
				  confirmNeedHours(needId: $needId, beneficiaries: $n) { beneficiaries participants { hoursStatus } }
				}""").variable("needId", group).variable("n", 10).execute()
			.path("confirmNeedHours.beneficiaries").entity(Integer.class).isEqualTo(10)
			.path("confirmNeedHours.participants[0].hoursStatus").entity(String.class).isEqualTo("CONFIRMED");
		correct(this.s.admin, group, 8, "按签到表更正").path("correctNeedBeneficiaries.beneficiaries")
			.entity(Integer.class).isEqualTo(8);
		List<Map<String, Object>> trail = trail(this.s.resident, group);
		assertThat(trail).hasSize(2);
		assertThat(trail.get(0)).containsEntry("fromCount", 12).containsEntry("toCount", 10)
			.containsEntry("reason", NeedBeneficiaries.CONFIRMED_WITH_HOURS)
			.containsEntry("correctedBy", Long.toString(this.s.admin.userId()))
			.containsEntry("correctedByName", nameOf(this.s.admin.userId()));
		assertThat(trail.get(1)).containsEntry("fromCount", 10).containsEntry("toCount", 8)
			.containsEntry("reason", "按签到表更正").containsEntry("correctedByName", nameOf(this.s.admin.userId()));
		assertThat(trail(this.s.admin, group)).isEqualTo(trail);
		assertThat(this.s.count("SELECT COUNT(*) FROM need_beneficiary_correction WHERE need_id = ?",
				Long.valueOf(group))).isEqualTo(2);

		// The 落实清单 of this month (live, for the station's admin): 8 + 1, per category and in total.
		String month = YearMonth.now(SHANGHAI).toString();
		Map<String, Object> list = this.s.api.as(this.s.admin).document("""
				query($orgUnitId: ID!, $month: String!) {
				  fulfilmentList(orgUnitId: $orgUnitId, month: $month) {
				    total { fulfilled beneficiaries }
				    categories { category beneficiaries }
				    fulfilled { needId beneficiaries }
				  }
				}""").variable("orgUnitId", Long.toString(this.s.tree.station())).variable("month", month).execute()
			.path("fulfilmentList").entity(Map.class).get();
		assertThat(map(list.get("total"))).containsEntry("fulfilled", 2).containsEntry("beneficiaries", 9);
		assertThat((List<?>) list.get("categories")).singleElement()
			.satisfies(c -> assertThat(map(c)).containsEntry("category", "生活服务").containsEntry("beneficiaries", 9));
		Map<Object, Object> byNeed = new HashMap<>();
		((List<?>) list.get("fulfilled")).forEach(n -> byNeed.put(((Map<?, ?>) n).get("needId"), ((Map<?, ?>) n).get("beneficiaries")));
		assertThat(byNeed).containsEntry(group, 8).containsEntry(single, 1).hasSize(2);

		// The public page renders the same list: the card, the summary column and each need.
		String page = FulfilmentPage.render(
				this.lists.compute(this.orgs.require(this.s.tree.station()), YearMonth.now(SHANGHAI)));
		assertThat(page).contains("<th>受益群众</th>").contains("9人次");
		assertThat(page).containsPattern("<tr class=\"total\"><td>合计</td>(<td>[^<]*</td>){6}<td>9</td>");

		// The Excel export: the 受益群众 column of the totals row and of each fulfilled need.
		byte[] xlsx = get("/exports/need/fulfilment/" + this.s.tree.station() + "/" + month + ".xlsx");
		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet summary = workbook.getSheetAt(0);
			int column = columnOf(summary, "受益群众");
			Row total = summary.getRow(summary.getLastRowNum());
			assertThat(total.getCell(0).getStringCellValue()).isEqualTo("合计");
			assertThat(total.getCell(column).getNumericCellValue()).isEqualTo(9.0);
			Sheet fulfilled = workbook.getSheetAt(1);
			int needColumn = columnOf(fulfilled, "受益群众");
			double sum = 0;
			for (int r = 1; r <= fulfilled.getLastRowNum(); r++) {
				sum += fulfilled.getRow(r).getCell(needColumn).getNumericCellValue();
			}
			assertThat(sum).isEqualTo(9.0);
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

	private String started(String title) {
		String needId = this.s.published(title);
		this.s.claim(this.s.volunteer, needId, null).path("claimNeed.status").entity(String.class).isEqualTo("CLAIMED");
		this.s.byNeed(this.s.volunteer, "startNeed", needId).path("startNeed.status").entity(String.class)
			.isEqualTo("IN_PROGRESS");
		return needId;
	}

	private GraphQlTester.Response complete(String needId, Integer beneficiaries) {
		Map<String, Object> input = new HashMap<>();
		input.put("needId", needId);
		input.put("note", "已完成服务");
		input.put("participants", List.of(Map.of("userId", Long.toString(this.s.volunteer.userId()), "hours", 0.5)));
		input.put("beneficiaries", beneficiaries);
		return this.s.api.as(this.s.volunteer).document("""
				mutation($input: CompleteNeedInput!) { completeNeed(input: $input) { id status beneficiaries } }""")
			.variable("input", input).execute();
	}

	private GraphQlTester.Response correct(Session as, String needId, int count, String reason) {
		return this.s.api.as(as).document("""
				mutation($input: CorrectNeedBeneficiariesInput!) {
				  correctNeedBeneficiaries(input: $input) { id beneficiaries }
				}""").variable("input", Map.of("needId", needId, "count", count, "reason", reason)).execute();
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> trail(Session as, String needId) {
		return (List<Map<String, Object>>) (List<?>) this.s.api.as(as).document("""
				query($id: ID!) {
				  need(id: $id) { beneficiaryCorrections { fromCount toCount reason correctedBy correctedByName correctedAt } }
				}""").variable("id", needId).execute().path("need.beneficiaryCorrections").entityList(Map.class).get();
	}

	private byte[] get(String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Authorization", "Bearer " + this.s.admin.accessToken())
			.build();
		HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
		return response.body();
	}

	private static int columnOf(Sheet sheet, String header) {
		Row row = sheet.getRow(0);
		for (int i = 0; i < row.getLastCellNum(); i++) {
			if (header.equals(row.getCell(i).getStringCellValue())) {
				return i;
			}
		}
		throw new AssertionError("no column " + header);
	}

	/** How the trail names a staff member who is no volunteer: their nickname, else 用户 id. */
	private String nameOf(long userId) {
		String nickname = this.s.jdbc.queryForObject("SELECT nickname FROM app_user WHERE id = ?", String.class, userId);
		return (nickname == null || nickname.isBlank()) ? "用户 " + userId : nickname.strip();
	}

}
