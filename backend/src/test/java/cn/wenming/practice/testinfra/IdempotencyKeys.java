package cn.wenming.practice.testinfra;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Inputs of the creating mutations that take the caller's {@code idempotencyKey} (需求, 宣讲, 骨干培训,
 * 抽查评估): a test that means one record per call gives each call a fresh key, as a client gives each
 * opening of its form one.
 */
public final class IdempotencyKeys {

	private IdempotencyKeys() {
	}

	/** The input with a fresh key, unless it names one already (a test of a resend names its own). */
	public static Map<String, Object> keyed(Map<String, Object> input) {
		Map<String, Object> keyed = new LinkedHashMap<>(input);
		keyed.putIfAbsent("idempotencyKey", Fixtures.unique("key-"));
		return keyed;
	}

}
