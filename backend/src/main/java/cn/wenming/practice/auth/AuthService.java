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

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** WeChat login, token refresh with rotation and reuse detection, logout and phone binding. */
@Service
class AuthService {

	private final WxMaService wechat;

	private final AppUserMapper users;

	private final UserRoleMapper roles;

	private final UnitPaths units;

	private final RefreshTokenMapper refreshTokens;

	private final TokenService tokens;

	private final SessionKeyStore sessionKeys;

	private final AuthProperties properties;

	private final StringRedisTemplate redis;

	AuthService(WxMaService wechat, AppUserMapper users, UserRoleMapper roles, UnitPaths units,
			RefreshTokenMapper refreshTokens, TokenService tokens, SessionKeyStore sessionKeys, AuthProperties properties,
			StringRedisTemplate redis) {
		this.wechat = wechat;
		this.users = users;
		this.roles = roles;
		this.units = units;
		this.refreshTokens = refreshTokens;
		this.tokens = tokens;
		this.sessionKeys = sessionKeys;
		this.properties = properties;
		this.redis = redis;
	}

	/** What a login or refresh returns. The refresh token is shown once and only its hash is kept. */
	record AuthPayload(String accessToken, Instant accessTokenExpiresAt, String refreshToken,
			Instant refreshTokenExpiresAt, AppUser user) {
	}

	/**
	 * Exchanges a {@code wx.login} code for tokens. WeChat is called before anything is written,
	 * so a failed call leaves no user row behind, and no database connection is held while
	 * WeChat answers.
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
			List<Long> centers = this.units.openCenterIds();
			if (!centers.isEmpty()) {
				this.roles.grantCenterAdminOn(user.getId(), centers, now);
			}
		}
		this.sessionKeys.put(user.getId(), session.getSessionKey());
		return issue(user, UUID.randomUUID().toString(), now);
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
			throw new DomainException(AuthError.REFRESH_TOKEN_REUSED);
		}
		AppUser user = this.users.selectById(token.getUserId());
		return issue(user, token.getFamilyId(), now);
	}

	/** Ends this login: its refresh family is revoked and the access token is deny-listed until it expires. */
	@Transactional
	public boolean logout(long userId) {
		if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken auth) {
			var jwt = auth.getToken();
			String familyId = jwt.getClaimAsString("sid");
			if (familyId != null) {
				this.refreshTokens.revokeFamily(familyId, Instant.now());
			}
			Duration left = Duration.between(Instant.now(), jwt.getExpiresAt());
			if (jwt.getId() != null && !left.isNegative() && !left.isZero()) {
				this.redis.opsForValue().set(SecurityConfig.REVOKED_PREFIX + jwt.getId(), "1", left);
			}
		}
		this.sessionKeys.remove(userId);
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
		update.setPhone(phone);
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
