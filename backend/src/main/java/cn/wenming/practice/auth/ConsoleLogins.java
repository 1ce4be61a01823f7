package cn.wenming.practice.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.wenming.practice.shared.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Service;

/**
 * The staff console's QR login. The console asks for a ticket (anonymous, limited per IP) and
 * shows its {@code qrCode}; an admin, logged in to the mini-program, scans it, sees which browser
 * asks (IP, browser, time) and confirms; the console, polling with the {@code pollSecret} that
 * never left it, collects a new session of that admin, once.
 *
 * <p>Tickets live in Redis only, as a hash with a TTL: losing them (a flush, a failover) costs a
 * rescan, nothing else, and nothing in MySQL would ever read them. Only hashes of the two secrets
 * are stored. Every state change is one Lua script on one key, so two confirmations or two polls
 * racing each other cannot both win. The hash outlives its expiry by {@link #KEPT_AFTER_EXPIRY}
 * so that an expired ticket is told apart from one that never existed.
 */
@Service
class ConsoleLogins {

	private static final Logger log = LoggerFactory.getLogger(ConsoleLogins.class);

	static final String PREFIX = "auth:console-login:";

	static final String RATE_PREFIX = "auth:console-login-rate:";

	/** Versioned, so the mini-program can tell our QR codes from anything else it scans. */
	static final String QR_PREFIX = "WMCL1.";

	static final Duration KEPT_AFTER_EXPIRY = Duration.ofMinutes(10);

	private static final Pattern QR = Pattern.compile("WMCL1\\.([A-Za-z0-9_-]{16,64})\\.([A-Za-z0-9_-]{16,128})");

	private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{16,128}");

	/** Scanned (describe) or confirmed: ARGV scan hash, now (ms)[, user id to confirm as]. */
	private static final RedisScript<String> SCAN = RedisScript.of("""
			local t = redis.call('HMGET', KEYS[1], 'scan', 'status', 'expiresAt')
			if not t[1] or t[1] ~= ARGV[1] then return 'INVALID' end
			if t[2] == 'CONFIRMED' or t[2] == 'CLAIMED' then return 'USED' end
			if tonumber(t[3]) <= tonumber(ARGV[2]) then return 'EXPIRED' end
			if ARGV[3] then
			  redis.call('HSET', KEYS[1], 'status', 'CONFIRMED', 'userId', ARGV[3])
			elseif t[2] == 'PENDING' then
			  redis.call('HSET', KEYS[1], 'status', 'SCANNED')
			end
			return 'OK'
			""", String.class);

	/** The console's poll: ARGV poll hash, now (ms). A confirmed ticket is claimed by the first poll only. */
	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> POLL = RedisScript.of("""
			local t = redis.call('HMGET', KEYS[1], 'poll', 'status', 'expiresAt', 'userId')
			if not t[1] or t[1] ~= ARGV[1] then return {'INVALID'} end
			if t[2] == 'CLAIMED' then return {'USED'} end
			if tonumber(t[3]) <= tonumber(ARGV[2]) then return {'EXPIRED'} end
			if t[2] == 'CONFIRMED' then
			  redis.call('HSET', KEYS[1], 'status', 'CLAIMED')
			  return {'CONFIRMED', t[4]}
			end
			return {t[2]}
			""", List.class);

	private final StringRedisTemplate redis;

	private final ConsoleLoginProperties properties;

	private final AccessControl access;

	private final AuthService auth;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	ConsoleLogins(StringRedisTemplate redis, ConsoleLoginProperties properties, AccessControl access, AuthService auth,
			Clock clock) {
		this.redis = redis;
		this.properties = properties;
		this.access = access;
		this.auth = auth;
		this.clock = clock;
	}

	record Ticket(String ticketId, String qrCode, String pollSecret, Instant expiresAt) {
	}

	record Request(String ticketId, String ip, String browser, Instant requestedAt, Instant expiresAt) {
	}

	record Poll(ConsoleLoginStatus status, Instant expiresAt, AuthService.AuthPayload session) {
	}

	Ticket create(String ip, String userAgent) {
		Instant now = this.clock.instant();
		String rateKey = RATE_PREFIX + ip + ":" + (now.getEpochSecond() / 60);
		Long count = this.redis.opsForValue().increment(rateKey);
		if (count != null && count == 1) {
			this.redis.expire(rateKey, Duration.ofMinutes(2));
		}
		if (count != null && count > this.properties.ticketsPerMinute()) {
			throw new DomainException(AuthError.CONSOLE_LOGIN_RATE_LIMITED);
		}
		String ticketId = randomToken(16);
		String scanSecret = randomToken(24);
		String pollSecret = randomToken(24);
		Instant expiresAt = now.plus(this.properties.ticketTtl());
		String key = PREFIX + ticketId;
		this.redis.opsForHash()
			.putAll(key,
					Map.of("scan", TokenService.hash(scanSecret), "poll", TokenService.hash(pollSecret), "ip", ip, "ua",
							truncate(userAgent, 300), "requestedAt", Long.toString(now.toEpochMilli()), "expiresAt",
							Long.toString(expiresAt.toEpochMilli()), "status", ConsoleLoginStatus.PENDING.name()));
		this.redis.expire(key, this.properties.ticketTtl().plus(KEPT_AFTER_EXPIRY));
		return new Ticket(ticketId, QR_PREFIX + ticketId + "." + scanSecret, pollSecret, expiresAt);
	}

	/** What the scanning admin is shown; tells the console that its QR was scanned. */
	Request describe(String qrCode) {
		requireAdmin();
		Matcher qr = parse(qrCode);
		scan(qr, null);
		Map<Object, Object> ticket = this.redis.opsForHash().entries(PREFIX + qr.group(1));
		if (ticket.isEmpty()) {
			throw new DomainException(AuthError.CONSOLE_LOGIN_TICKET_EXPIRED);
		}
		return new Request(qr.group(1), (String) ticket.get("ip"), browser((String) ticket.get("ua")),
				Instant.ofEpochMilli(Long.parseLong((String) ticket.get("requestedAt"))),
				Instant.ofEpochMilli(Long.parseLong((String) ticket.get("expiresAt"))));
	}

	boolean confirm(String qrCode) {
		long userId = requireAdmin();
		Matcher qr = parse(qrCode);
		scan(qr, Long.toString(userId));
		log.info("Console login {} confirmed by user {}", qr.group(1), userId);
		return true;
	}

	Poll poll(String ticketId, String pollSecret) {
		if (!TOKEN.matcher(ticketId).matches() || !TOKEN.matcher(pollSecret).matches()) {
			throw new DomainException(AuthError.CONSOLE_LOGIN_TICKET_INVALID);
		}
		Instant now = this.clock.instant();
		List<?> result = this.redis.execute(POLL, List.of(PREFIX + ticketId), TokenService.hash(pollSecret),
				Long.toString(now.toEpochMilli()));
		String outcome = (result == null || result.isEmpty()) ? "INVALID" : String.valueOf(result.get(0));
		failOn(outcome);
		Object expiresAt = this.redis.opsForHash().get(PREFIX + ticketId, "expiresAt");
		Instant expires = (expiresAt == null) ? now : Instant.ofEpochMilli(Long.parseLong((String) expiresAt));
		ConsoleLoginStatus status = ConsoleLoginStatus.valueOf(outcome);
		if (status != ConsoleLoginStatus.CONFIRMED) {
			return new Poll(status, expires, null);
		}
		long userId = Long.parseLong(String.valueOf(result.get(1)));
		// The role could have been revoked in the seconds since the confirmation.
		if (this.access.grantsOf(userId).stream().noneMatch(grant -> grant.role().isAdmin())) {
			throw new DomainException(AuthError.CONSOLE_LOGIN_ADMIN_REQUIRED);
		}
		return new Poll(status, expires, this.auth.newSession(userId));
	}

	private long requireAdmin() {
		Actor actor = this.access.requireActor();
		if (!actor.isAnyAdmin()) {
			throw new DomainException(AuthError.CONSOLE_LOGIN_ADMIN_REQUIRED);
		}
		return actor.userId();
	}

	private void scan(Matcher qr, String confirmingUserId) {
		String now = Long.toString(this.clock.instant().toEpochMilli());
		String hash = TokenService.hash(qr.group(2));
		String outcome = (confirmingUserId == null)
				? this.redis.execute(SCAN, List.of(PREFIX + qr.group(1)), hash, now)
				: this.redis.execute(SCAN, List.of(PREFIX + qr.group(1)), hash, now, confirmingUserId);
		failOn((outcome == null) ? "INVALID" : outcome);
	}

	private static Matcher parse(String qrCode) {
		Matcher qr = QR.matcher((qrCode == null) ? "" : qrCode.trim());
		if (!qr.matches()) {
			throw new DomainException(AuthError.CONSOLE_LOGIN_TICKET_INVALID);
		}
		return qr;
	}

	private static void failOn(String outcome) {
		switch (outcome) {
			case "INVALID" -> throw new DomainException(AuthError.CONSOLE_LOGIN_TICKET_INVALID);
			case "EXPIRED" -> throw new DomainException(AuthError.CONSOLE_LOGIN_TICKET_EXPIRED);
			case "USED" -> throw new DomainException(AuthError.CONSOLE_LOGIN_TICKET_USED);
			default -> {
			}
		}
	}

	private String randomToken(int bytes) {
		byte[] value = new byte[bytes];
		this.random.nextBytes(value);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
	}

	private static String truncate(String value, int max) {
		return (value == null) ? "" : (value.length() <= max) ? value : value.substring(0, max);
	}

	private static final Pattern[] BROWSERS = { Pattern.compile("MicroMessenger/(\\d+)"), Pattern.compile("Edg/(\\d+)"),
			Pattern.compile("Firefox/(\\d+)"), Pattern.compile("(?:Headless)?Chrome/(\\d+)"),
			Pattern.compile("Version/(\\d+)[^ ]* .*Safari/") };

	private static final String[] BROWSER_NAMES = { "微信", "Edge", "Firefox", "Chrome", "Safari" };

	/** A short, human summary of a User-Agent, e.g. "Chrome 120 · Windows". */
	static String browser(String userAgent) {
		if (userAgent == null || userAgent.isBlank()) {
			return "未知浏览器";
		}
		String name = "其他浏览器";
		for (int i = 0; i < BROWSERS.length; i++) {
			Matcher m = BROWSERS[i].matcher(userAgent);
			if (m.find()) {
				name = BROWSER_NAMES[i] + " " + m.group(1);
				break;
			}
		}
		String os = userAgent.contains("Windows") ? "Windows"
				: (userAgent.contains("iPhone") || userAgent.contains("iPad")) ? "iOS"
						: userAgent.contains("Mac OS X") ? "macOS"
								: userAgent.contains("Android") ? "Android" : userAgent.contains("Linux") ? "Linux" : null;
		return (os == null) ? name : name + " · " + os;
	}

}
