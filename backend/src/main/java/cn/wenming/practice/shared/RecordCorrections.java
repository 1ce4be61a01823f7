package cn.wenming.practice.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import tools.jackson.databind.json.JsonMapper;

/**
 * What the corrections of recorded evaluations (抽查评估, 站互评, 中心培训) share: the digest that tells
 * a retry of a correction from a reuse of its idempotency key for other input, and the JSON text of
 * the record before and after that the trail keeps. Each module keeps its own trail table; this only
 * makes the three behave alike.
 */
public final class RecordCorrections {

	/** 更正 (fields changed) or 撤回 (the record no longer counts). */
	public enum Action {

		CORRECTED, WITHDRAWN

	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private RecordCorrections() {
	}

	/**
	 * SHA-256 (hex) over the parts, each written with its length so that no two different requests
	 * share a text ("a|b" + "c" vs "a" + "b|c"); null is written apart from "null".
	 */
	public static String digest(Object... parts) {
		StringBuilder text = new StringBuilder();
		for (Object part : parts) {
			if (part == null) {
				text.append("-1:;");
			}
			else {
				String s = String.valueOf(part);
				text.append(s.length()).append(':').append(s).append(';');
			}
		}
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 unavailable", ex);
		}
	}

	/** The JSON text of a snapshot (a record of what the API shows of the corrected record). */
	public static String toJson(Object snapshot) {
		return (snapshot == null) ? null : JSON.writeValueAsString(snapshot);
	}

	public static <T> T fromJson(String json, Class<T> type) {
		return (json == null) ? null : JSON.readValue(json, type);
	}

	/**
	 * The stripped reason, or BAD_REQUEST when blank. The content check is the caller's: it knows
	 * the caller's openid.
	 */
	public static String reason(String reason) {
		String clean = (reason == null) ? "" : reason.strip();
		if (clean.isEmpty()) {
			throw DomainException.badRequest("请填写更正原因");
		}
		return clean;
	}

}
