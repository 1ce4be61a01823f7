package cn.wenming.practice.testinfra;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** Test helpers for volunteers: valid resident ID numbers and registration through the API. */
public final class Volunteers {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final char[] CHECK = "10X98765432".toCharArray();

	private Volunteers() {
	}

	/** A random, valid 18-character ID number (random region, birth date and sequence). */
	public static String idNumber() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(20_000));
		String first17 = String.format("%06d%04d%02d%02d%03d", 110000 + random.nextInt(800_000), birth.getYear(),
				birth.getMonthValue(), birth.getDayOfMonth(), random.nextInt(1000));
		return first17 + checkChar(first17);
	}

	/** ISO 7064 MOD 11-2, written independently of the production code. */
	public static char checkChar(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += Character.digit(first17.charAt(i), 10) * WEIGHTS[i];
		}
		return CHECK[sum % 11];
	}

	public static Map<String, Object> input(String realName, String idNumber, long stationId) {
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("realName", realName);
		input.put("idNumber", idNumber);
		input.put("homeStationId", Long.toString(stationId));
		input.put("skills", List.of("电路维修", "摄影"));
		input.put("categories", List.of("CULTURE", "HEALTH_SPORTS"));
		input.put("partyMember", true);
		return input;
	}

	/** Registers the session's user as a volunteer at the station and returns the volunteer id. */
	public static String register(GraphQlTester tester, long stationId) {
		return register(tester, stationId, "张三", List.of("电路维修"), List.of("CULTURE"));
	}

	public static String register(GraphQlTester tester, long stationId, String realName, List<String> skills,
			List<String> categories) {
		Map<String, Object> input = input(realName, idNumber(), stationId);
		input.put("skills", skills);
		input.put("categories", categories);
		String id = tester.documentName("registerVolunteer")
			.variable("input", input)
			.execute()
			.path("registerVolunteer.id")
			.entity(String.class)
			.get();
		assertThat(id).isNotBlank();
		return id;
	}

}
