package cn.wenming.practice.need;

import java.util.Map;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Scenario;
import org.junit.jupiter.api.Test;

/**
 * {@code NeedParticipant.name}: the confirming admin sees who served by name (the console showed
 * 「用户 id」), the participant their own, the resident who asked a masked one.
 */
@IntegrationTest
class NeedParticipantNameTest {

	@Scenario
	NeedScenario s;

	@Test
	void participantsAreNamedMaskedByTheViewersRights() {
		String needId = this.s.published("帮独居老人换灯泡");
		this.s.claim(this.s.volunteer, needId, null).path("claimNeed.status").entity(String.class).isEqualTo("CLAIMED");
		this.s.byNeed(this.s.volunteer, "startNeed", needId).path("startNeed.status").entity(String.class)
			.isEqualTo("IN_PROGRESS");
		this.s.completeNow(this.s.volunteer, needId, Map.of(this.s.volunteer.userId(), 1.0));

		this.s.api.as(this.s.admin).documentName("needParticipantNames").variable("id", needId).execute()
			.path("need.participants[0].userId").entity(String.class).isEqualTo(Long.toString(this.s.volunteer.userId()))
			.path("need.participants[0].name").entity(String.class).isEqualTo("李四");
		this.s.api.as(this.s.volunteer).documentName("needParticipantNames").variable("id", needId).execute()
			.path("need.participants[0].name").entity(String.class).isEqualTo("李四");
		// The resident who asked sees who served, masked: they cover nobody.
		this.s.api.as(this.s.resident).documentName("needParticipantNames").variable("id", needId).execute()
			.path("need.participants[0].name").entity(String.class).isEqualTo("李*");
	}

}
