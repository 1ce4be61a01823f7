package cn.wenming.practice.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.bean.WxMaJscode2SessionResult;
import cn.binarywang.wx.miniapp.bean.WxMaPhoneNumberInfo;
import cn.wenming.practice.shared.CommonError;
import cn.wenming.practice.shared.DomainException;
import cn.wenming.practice.shared.WechatErrors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** WeChat login, token refresh with rotation and reuse detection, logout and phone binding. */
@Service
class AuthService {

	private static final Logger log = LoggerFactory.getLogger(AuthService.class);

	private final WxMaService wechat;

	private final AppUserMapper users;

	private final RoleGrants roles;

	private final UnitPaths units;

	private final RefreshTokenMapper refreshTokens;

	private final TokenService tokens;

	private final BootstrapAdminGrantMapper bootstrapGrants;

	private final RevokedLogins revokedLogins;

	private final AuthProperties properties;

	private final StringRedisTemplate redis;

	private final TransactionTemplate tx;

	private final UserPhones phones;

	AuthService(WxMaService wechat, AppUserMapper users, RoleGrants roles, UnitPaths units,
			RefreshTokenMapper refreshTokens, TokenService tokens, BootstrapAdminGrantMapper bootstrapGrants,
			RevokedLogins revokedLogins, AuthProperties properties, StringRedisTemplate redis, TransactionTemplate tx,
			UserPhones phones) {
		this.wechat = wechat;
		this.users = users;
		this.roles = roles;
		this.units = units;
		this.refreshTokens = refreshTokens;
		this.tokens = tokens;
		this.bootstrapGrants = bootstrapGrants;
		this.revokedLogins = revokedLogins;
		this.properties = properties;
		this.redis = redis;
		this.tx = tx;
		this.phones = phones;
	}

	/** What a login or refresh returns. The refresh token is shown once and only its hash is kept. */
	record AuthPayload(String accessToken, Instant accessTokenExpiresAt, String refreshToken,
			Instant refreshTokenExpiresAt, AppUser user) {
	}

	/**
	 * Exchanges a {@code wx.login} code for tokens. WeChat is called before anything is written,
	 * so a failed call leaves no user row behind, and no database connection is held while
	 * WeChat answers. WeChat's {@code session_key} is dropped: nothing here decrypts data the
	 * mini-program signs with it (the phone number comes by {@code getPhoneNumber} code), and a
	 * secret kept but never read is only something to leak; nor does login touch Redis for it.
	 */
	public AuthPayload wxLogin(String code) {
		WxMaJscode2SessionResult session = WechatErrors.call("jscode2session",
				() -> this.wechat.getUserService().getSessionInfo(code));
		if (session.getOpenid() == null || session.getOpenid().isBlank()) {
			throw new DomainException(CommonError.UPSTREAM_UNAVAILABLE);
		}
		Instant now = Instant.now();
		this.users.upsertLogin(session.getOpenid(), blankToNull(session.getUnionid()), now);
		AppUser user = this.users.findByOpenid(session.getOpenid());
		if (this.properties.bootstrapAdminOpenids().contains(user.getOpenid())) {
			grantBootstrapAdmin(user, now);
		}
		return issue(user, UUID.randomUUID().toString(), now);
	}

	/**
	 * Makes a configured bootstrap admin {@code CENTER_ADMIN} of each open center once: a center
	 * already in the ledger is skipped, so a {@code revokeRole} by a colleague sticks instead of
	 * being undone by the next login. Taking the ledger row first (INSERT IGNORE, one per center)
	 * makes concurrent logins grant at most once; one transaction, so a ledger row never stands
	 * without its grant.
	 */
	private void grantBootstrapAdmin(AppUser user, Instant now) {
		List<Long> centers = this.units.openCenterIds();
		if (centers.isEmpty()) {
			return;
		}
		List<Long> granted = this.bootstrapGrants.centersGrantedTo(user.getOpenid());
		List<Long> fresh = centers.stream().filter(c -> !granted.contains(c)).toList();
		if (fresh.isEmpty()) {
			return;
		}
		this.tx.executeWithoutResult(status -> {
			// One grant per claimed center, so that each one granted now (not held already) has its event.
			fresh.stream()
				.filter(c -> this.bootstrapGrants.record(user.getOpenid(), c, now) == 1)
				.forEach(c -> this.roles.grant(user.getId(), Role.CENTER_ADMIN, c,
						RoleGrants.Change.by(null, RoleChangeCause.BOOTSTRAP_ADMIN)));
		});
	}

	/**
	 * Rotates a refresh token. A token that was already used means it leaked (or a client
	 * replayed it): the whole login family is revoked and both parties must log in again.
	 * Runs in its own transaction so the revocation survives the error that reports it.
	 */
	@Transactional(noRollbackFor = DomainException.class)
	public AuthPayload refresh(String presented) {
		Instant now = Instant.now();
		RefreshToken token = this.refreshTokens.findByHash(TokenService.hash(presented));
		if (token == null || token.getRevokedAt() != null || !token.getExpiresAt().isAfter(now)) {
			throw new DomainException(AuthError.REFRESH_TOKEN_INVALID);
		}
		if (token.getUsedAt() != null || this.refreshTokens.markUsed(token.getId(), now) == 0) {
			this.refreshTokens.revokeFamily(token.getFamilyId(), now);
			// The access tokens of this login stop working too (at once here, within one poll of
			// RevokedLogins on other instances), not only when they expire.
			this.revokedLogins.revoked(token.getFamilyId());
			throw new DomainException(AuthError.REFRESH_TOKEN_REUSED);
		}
		AppUser user = this.users.selectById(token.getUserId());
		return issue(user, token.getFamilyId(), now);
	}

	/**
	 * Ends this login. Its refresh family is revoked in MySQL (one statement, the truth, committed
	 * whatever Redis does), which also ends its access tokens through {@link RevokedLogins}. The
	 * access token is deny-listed in Redis too, so other instances refuse it at once rather than
	 * at their next poll of revoked logins; that is best effort, and Redis being down neither
	 * fails the logout nor undoes the revocation.
	 */
	public boolean logout(long userId) {
		if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken auth) {
			var jwt = auth.getToken();
			String familyId = jwt.getClaimAsString("sid");
			if (familyId != null) {
				this.refreshTokens.revokeFamily(familyId, Instant.now());
				this.revokedLogins.revoked(familyId);
			}
			Duration left = Duration.between(Instant.now(), jwt.getExpiresAt());
			if (jwt.getId() != null && !left.isNegative() && !left.isZero()) {
				try {
					this.redis.opsForValue().set(SecurityConfig.REVOKED_PREFIX + jwt.getId(), "1", left);
				}
				catch (RuntimeException ex) {
					log.warn("Logout of user {}: access token not deny-listed in Redis ({}); its login is revoked in MySQL",
							userId, ex.getClass().getSimpleName());
				}
			}
		}
		return true;
	}

	/** Binds the phone number behind a {@code getPhoneNumber} button code (single use on WeChat's side). */
	public AppUser bindPhone(long userId, String code) {
		WxMaPhoneNumberInfo info = WechatErrors.call("getuserphonenumber",
				() -> this.wechat.getUserService().getPhoneNumber(code));
		String phone = (info.getPurePhoneNumber() != null) ? info.getPurePhoneNumber() : info.getPhoneNumber();
		if (phone == null || phone.isBlank()) {
			throw new DomainException(CommonError.UPSTREAM_UNAVAILABLE);
		}
		AppUser update = new AppUser();
		update.setId(userId);
		this.phones.seal(update, phone);
		this.users.updateById(update);
		return this.users.selectById(userId);
	}

	/**
	 * A new login (its own refresh family) for a user who proved themselves another way: the staff
	 * console's QR login, confirmed in the mini-program ({@link ConsoleLogins}).
	 */
	AuthPayload newSession(long userId) {
		AppUser user = this.users.selectById(userId);
		if (user == null) {
			throw new DomainException(CommonError.UNAUTHENTICATED);
		}
		return issue(user, UUID.randomUUID().toString(), Instant.now());
	}

	private AuthPayload issue(AppUser user, String familyId, Instant now) {
		String refresh = this.tokens.newRefreshToken();
		RefreshToken row = new RefreshToken();
		row.setUserId(user.getId());
		row.setFamilyId(familyId);
		row.setTokenHash(TokenService.hash(refresh));
		row.setExpiresAt(now.plus(this.properties.refreshTokenTtl()));
		this.refreshTokens.insert(row);
		TokenService.AccessToken access = this.tokens.accessToken(user.getId(), familyId, now);
		return new AuthPayload(access.value(), access.expiresAt(), refresh, row.getExpiresAt(), user);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
