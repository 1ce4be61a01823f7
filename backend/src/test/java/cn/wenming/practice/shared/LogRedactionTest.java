package cn.wenming.practice.shared;

import cn.wenming.practice.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17: stack traces bypassed the redacting converter. An exception whose message (and whose
 * cause's message) holds a session key, a phone number and an ID number is logged through the
 * application's logging configuration, and the written output is read back.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class LogRedactionTest {

	private static final Logger log = LoggerFactory.getLogger(LogRedactionTest.class);

	@Test
	void stackTracesAreRedactedLikeMessages(CapturedOutput output) {
		IllegalStateException cause = new IllegalStateException("resident 110101199003071234 not found, session_key=Cause5ecret");
		RuntimeException ex = new RuntimeException("WeChat said: access_token=T0ken5ecret for 13812345678", cause);

		log.error("Call failed for phone 13987654321", ex);

		String written = output.getOut() + output.getErr();
		assertThat(written).contains("Call failed for phone 139****4321")
			.contains("java.lang.RuntimeException")
			.contains("at cn.wenming.practice.shared.LogRedactionTest")
			.contains("138****5678")
			.contains("110101********1234");
		assertThat(written).doesNotContain("T0ken5ecret")
			.doesNotContain("Cause5ecret")
			.doesNotContain("13812345678")
			.doesNotContain("13987654321")
			.doesNotContain("110101199003071234");
	}

}
