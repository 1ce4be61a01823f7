package cn.wenming.practice.auth;

import java.util.List;

import cn.wenming.practice.shared.CommonError;
import cn.wenming.practice.shared.DomainException;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Authorization for the service layer. Every operation asks here; roles are read from MySQL on
 * each request so a grant or revocation takes effect at once, not when the token expires.
 */
@Component
public class AccessControl {

	private final GrantReader grants;

	private final AuthProperties properties;

	private final AppUserMapper users;

	AccessControl(GrantReader grants, AuthProperties properties, AppUserMapper users) {
		this.grants = grants;
		this.properties = properties;
		this.users = users;
	}

	/** The caller's user id, or {@code null} for an anonymous request. */
	public Long currentUserId() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof JwtAuthenticationToken jwt && jwt.isAuthenticated()) {
			return Long.valueOf(jwt.getToken().getSubject());
		}
		return null;
	}

	public long requireUserId() {
		Long userId = currentUserId();
		if (userId == null) {
			throw new DomainException(CommonError.UNAUTHENTICATED);
		}
		return userId;
	}

	/** The caller with their current grants; {@code UNAUTHENTICATED} if anonymous. */
	public Actor requireActor() {
		long userId = requireUserId();
		return new Actor(userId, grantsOf(userId));
	}

	/** The caller, or {@code null} when anonymous. */
	public Actor currentActor() {
		Long userId = currentUserId();
		return (userId == null) ? null : new Actor(userId, grantsOf(userId));
	}

	public List<RoleGrant> grantsOf(long userId) {
		return this.grants.grantsOf(userId);
	}

	/** Requires an admin role on the unit at {@code unitPath} or an ancestor of it. */
	public Actor requireAdminOver(String unitPath) {
		Actor actor = requireActor();
		if (!actor.isAdminOver(unitPath)) {
			throw new DomainException(CommonError.FORBIDDEN);
		}
		return actor;
	}

	/** Requires an admin of the whole deployment ({@link Actor#coversWholeDeployment()}); else FORBIDDEN. */
	public Actor requireWholeDeployment() {
		Actor actor = requireActor();
		if (!actor.coversWholeDeployment()) {
			throw new DomainException(CommonError.FORBIDDEN);
		}
		return actor;
	}

	/** Requires the given role over the unit at {@code unitPath} (granted on it or an ancestor). */
	public Actor requireRoleOver(Role role, String unitPath) {
		Actor actor = requireActor();
		if (!actor.hasRoleOver(role, unitPath)) {
			throw new DomainException(CommonError.FORBIDDEN);
		}
		return actor;
	}

	/**
	 * The WeChat openid of a user, or {@code null} for an unknown id. Other features need it for
	 * WeChat calls made on the user's behalf (msgSecCheck v2 wants the author's openid).
	 */
	public String openidOf(long userId) {
		AppUser user = this.users.selectById(userId);
		return (user == null) ? null : user.getOpenid();
	}

	/** Whether the caller's openid is one of the configured bootstrap admins (who may create a center). */
	public boolean isBootstrapAdmin(long userId) {
		if (this.properties.bootstrapAdminOpenids().isEmpty()) {
			return false;
		}
		AppUser user = this.users.selectById(userId);
		return user != null && this.properties.bootstrapAdminOpenids().contains(user.getOpenid());
	}

}
