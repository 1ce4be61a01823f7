package cn.wenming.practice.testinfra;

import java.util.List;
import java.util.Map;

import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Honor hours (补录) through the API: recorded by one admin, they count only once another admin
 * approves them. Tests that want recorded hours counted approve them here, as a second admin would.
 */
public final class HonorHoursRecords {

	private HonorHoursRecords() {
	}

	/** A {@code recordHonorHours} input with a fresh idempotency key (one intended record). */
	public static Map<String, Object> keyed(Map<String, Object> input) {
		return IdempotencyKeys.keyed(input);
	}

	/** The ids of the volunteer's records still waiting for approval, as {@code as} sees them. */
	public static List<String> pendingOf(GraphQlTester as, String volunteerId) {
		return as.documentName("honorHoursRecords").variable("volunteerId", volunteerId).variable("first", 100)
			.execute()
			.path("honorHoursRecords.edges[?(@.node.status == 'PENDING')].node.id")
			.entityList(String.class)
			.get();
	}

	public static GraphQlTester.Response approve(GraphQlTester as, String recordId) {
		return as.documentName("approveHonorHours").variable("id", recordId).execute();
	}

	/** Approves every pending record of the volunteer as {@code approver} (an admin who recorded none of them). */
	public static void approveAll(GraphQlTester approver, String volunteerId) {
		for (String id : pendingOf(approver, volunteerId)) {
			approve(approver, id).path("approveHonorHours.status").entity(String.class).isEqualTo("APPROVED");
		}
	}

}
