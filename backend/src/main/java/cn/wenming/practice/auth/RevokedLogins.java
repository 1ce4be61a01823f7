package cn.wenming.practice.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import cn.wenming.practice.shared.EveryInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The logins (refresh-token families, the access token's {@code sid}) revoked within an access
 * token's life, by refresh-token reuse or logout, so their access tokens stop working promptly
 * instead of living out their two hours. MySQL's {@code refresh_token.revoked_at} is the truth:
 * every instance polls it ({@code app.auth.revoked-login-poll}, default 15 s; each poll reads only
 * what was revoked since the last, with an overlap for late commits) into memory, and a revocation
 * made on this instance counts here at once. So the per-request check costs no I/O, works with
 * Redis down, and another instance's revocation takes effect within one poll. An entry is
 * forgotten once every access token issued before the revocation has expired.
 */
@Component
class RevokedLogins {

	private static final Logger log = LoggerFactory.getLogger(RevokedLogins.class);

	/** Revocations committed this long after their {@code revoked_at} are still seen. */
	private static final Duration OVERLAP = Duration.ofMinutes(1);

	private final RefreshTokenMapper refreshTokens;

	private final Duration remember;

	/** Family id → when to forget it. */
	private final Map<String, Instant> revoked = new ConcurrentHashMap<>();

	private volatile Instant polledUpTo;

	RevokedLogins(RefreshTokenMapper refreshTokens, AuthProperties properties) {
		this.refreshTokens = refreshTokens;
		this.remember = properties.accessTokenTtl();
	}

	boolean isRevoked(String familyId) {
		return this.revoked.containsKey(familyId);
	}

	/** Called when this instance revoked the login in MySQL. */
	void revoked(String familyId) {
		this.revoked.put(familyId, Instant.now().plus(this.remember));
	}

	/** Reads the revocations made since the last poll (on any instance); MySQL down: tried again next time. */
	@Scheduled(fixedDelayString = "${app.auth.revoked-login-poll:PT15S}", initialDelay = 0)
	@EveryInstance("each instance keeps the revoked logins in its own memory")
	void poll() {
		Instant now = Instant.now();
		Instant since = (this.polledUpTo == null) ? now.minus(this.remember) : this.polledUpTo.minus(OVERLAP);
		List<String> families;
		try {
			families = this.refreshTokens.familiesRevokedSince(since);
		}
		catch (RuntimeException ex) {
			log.warn("Could not read revoked logins: {}", ex.getClass().getSimpleName());
			return;
		}
		Instant forgetAt = now.plus(this.remember);
		families.forEach(family -> this.revoked.putIfAbsent(family, forgetAt));
		this.revoked.values().removeIf(at -> at.isBefore(now));
		this.polledUpTo = now;
	}

}
