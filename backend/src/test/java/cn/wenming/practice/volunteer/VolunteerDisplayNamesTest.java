package cn.wenming.practice.volunteer;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.HonorHoursRecords;
import cn.wenming.practice.testinfra.Scenario;
import cn.wenming.practice.testinfra.Volunteers;
import org.junit.jupiter.api.Test;


/**
 * How staff screens name people instead of showing user ids: a volunteer by real name to the
 * admins covering their home station and masked to admins who do not, staff who are no volunteer
 * by nickname (or 「用户 id」 without one); and {@code Volunteer.userId} for per-user corrections.
 */
@IntegrationTest
class VolunteerDisplayNamesTest {

	@Scenario
	Api api;

	@Scenario
	Fixtures fixtures;

	@Test
	void honorHoursRecordsNameTheVolunteerAndTheRecorder() {
		Fixtures.Tree tree = this.fixtures.tree();
		Session recorder = this.api.login(Fixtures.unique("names-recorder"));
		this.fixtures.grant(recorder.userId(), "STATION_ADMIN", tree.station());
		// Staff name themselves (checked like any shown text, at most 20 characters).
		ApiErrors.expectCode(this.api.as(recorder).documentName("setNickname").variable("nickname", "RISKY 站长").execute(),
				"CONTENT_REJECTED");
		ApiErrors.expectBadField(this.api.as(recorder).documentName("setNickname").variable("nickname", "长".repeat(21))
			.execute(), "nickname");
		this.api.as(recorder).documentName("setNickname").variable("nickname", " 站长老周 ").execute()
			.path("setNickname.nickname").entity(String.class).isEqualTo("站长老周");
		Session nameless = this.api.login(Fixtures.unique("names-nameless"));
		this.fixtures.grant(nameless.userId(), "STATION_ADMIN", tree.station());
		Session volunteer = this.api.login(Fixtures.unique("names-vol"));
		String volunteerId = Volunteers.register(this.api.as(volunteer), tree.station(), "赵春花", List.of("摄影"),
				List.of("CULTURE"));
		record(recorder, volunteerId, "防汛值守补录");
		record(nameless, volunteerId, "敬老院补录");

		this.api.as(recorder).documentName("pendingHonorHoursNames").variable("orgUnitId", Long.toString(tree.station()))
			.execute()
			.path("pendingHonorHours.edges[*].node.volunteerName").entityList(String.class)
			.containsExactly("赵春花", "赵春花")
			.path("pendingHonorHours.edges[*].node.recordedByName").entityList(String.class)
			.containsExactly("站长老周", "用户 " + nameless.userId());

		this.api.as(recorder).documentName("volunteerUserId").variable("id", volunteerId).execute()
			.path("volunteer.userId").entity(String.class).isEqualTo(Long.toString(volunteer.userId()));
	}

	@Test
	void aRecorderWhoIsAVolunteerElsewhereIsMaskedToAdminsNotCoveringThem() {
		Fixtures.Tree tree = this.fixtures.tree();
		Fixtures.Tree other = this.fixtures.tree();
		// The recorder is an institute admin above the station, and a volunteer of another tree's station.
		Session recorder = this.api.login(Fixtures.unique("names-masked"));
		this.fixtures.grant(recorder.userId(), "INSTITUTE_ADMIN", tree.institute());
		Volunteers.register(this.api.as(recorder), other.station(), "钱有才", List.of("摄影"), List.of("CULTURE"));
		Session volunteer = this.api.login(Fixtures.unique("names-vol2"));
		String volunteerId = Volunteers.register(this.api.as(volunteer), tree.station(), "孙丽", List.of("摄影"),
				List.of("CULTURE"));
		record(recorder, volunteerId, "补录");
		Session stationAdmin = this.api.login(Fixtures.unique("names-station"));
		this.fixtures.grant(stationAdmin.userId(), "STATION_ADMIN", tree.station());

		this.api.as(stationAdmin).documentName("pendingHonorHoursNames")
			.variable("orgUnitId", Long.toString(tree.station())).execute()
			.path("pendingHonorHours.edges[0].node.recordedByName").entity(String.class).isEqualTo("钱**")
			.path("pendingHonorHours.edges[0].node.volunteerName").entity(String.class).isEqualTo("孙丽");
		// The recorder sees their own name in full.
		this.api.as(recorder).documentName("pendingHonorHoursNames")
			.variable("orgUnitId", Long.toString(tree.station())).execute()
			.path("pendingHonorHours.edges[0].node.recordedByName").entity(String.class).isEqualTo("钱有才");
	}

	private void record(Session as, String volunteerId, String reason) {
		Map<String, Object> input = Map.of("volunteerId", volunteerId, "hours", 2.5, "reason", reason, "serviceDate",
				LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
		this.api.as(as).documentName("recordHonorHours").variable("input", HonorHoursRecords.keyed(input)).execute()
			.path("recordHonorHours.id").entity(String.class).isEqualTo(volunteerId);
	}

}
