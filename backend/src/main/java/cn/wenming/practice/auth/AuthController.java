package cn.wenming.practice.auth;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import cn.wenming.practice.shared.CommonError;
import cn.wenming.practice.shared.Connections;
import cn.wenming.practice.shared.ContentSecurity;
import cn.wenming.practice.shared.DeadlockRetry;
import cn.wenming.practice.shared.DomainException;
import graphql.relay.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Login, tokens, the current user and role grants. */
@Controller
class AuthController {

	private static final Logger log = LoggerFactory.getLogger(AuthController.class);

	private final AuthService auth;

	private final AccessControl access;

	private final AppUserMapper users;

	private final UserRoleMapper roles;

	private final UserRoleEventMapper roleEvents;

	private final RoleGrants roleGrants;

	private final GrantReader grants;

	private final UnitPaths units;

	private final UserPhones phones;

	private final ContentSecurity content;

	AuthController(AuthService auth, AccessControl access, AppUserMapper users, UserRoleMapper roles,
			UserRoleEventMapper roleEvents, RoleGrants roleGrants, GrantReader grants, UnitPaths units,
			UserPhones phones, ContentSecurity content) {
		this.auth = auth;
		this.access = access;
		this.users = users;
		this.roles = roles;
		this.roleEvents = roleEvents;
		this.roleGrants = roleGrants;
		this.grants = grants;
		this.units = units;
		this.phones = phones;
		this.content = content;
	}

	@MutationMapping
	AuthService.AuthPayload wxLogin(@Argument @NotBlank @Size(max = 128) String code) {
		return this.auth.wxLogin(code);
	}

	@MutationMapping
	AuthService.AuthPayload refreshToken(@Argument @NotBlank @Size(max = 128) String token) {
		return this.auth.refresh(token);
	}

	@MutationMapping
	boolean logout() {
		return this.auth.logout(this.access.requireUserId());
	}

	@MutationMapping
	AppUser bindPhone(@Argument @NotBlank @Size(max = 128) String code) {
		return this.auth.bindPhone(this.access.requireUserId(), code);
	}

	@QueryMapping
	AppUser me() {
		long userId = this.access.requireUserId();
		AppUser user = this.users.selectById(userId);
		if (user == null) {
			throw new DomainException(CommonError.UNAUTHENTICATED);
		}
		return user;
	}

	/**
	 * How a center admin finds a colleague's account to grant a role: by the phone number the
	 * colleague bound with {@code bindPhone}. Admins only; the phone stays masked in the answer.
	 */
	@QueryMapping
	AppUser userByPhone(@Argument @NotBlank @jakarta.validation.constraints.Pattern(regexp = "1\\d{10}",
			message = "手机号格式不正确") String phone) {
		Actor actor = this.access.requireActor();
		if (!actor.isAnyAdmin()) {
			throw new DomainException(CommonError.FORBIDDEN);
		}
		return this.phones.findByPhone(phone);
	}

	private static final List<String> ADMIN_ROLES = java.util.Arrays.stream(Role.values())
		.filter(Role::isAdmin)
		.map(Role::name)
		.toList();

	/** Who holds which admin role on the unit and the units under it: for an admin covering the unit. */
	@QueryMapping
	Connection<UserRoleMapper.AdminGrant> adminRoleGrants(@Argument long orgUnitId,
			@Argument @Min(0) @Max(Connections.MAX_FIRST) Integer first, @Argument String after) {
		Connections.PageRequest page = Connections.page(first, after);
		UnitPaths.Unit unit = this.units.find(orgUnitId).orElseThrow(() -> DomainException.notFound("组织单位"));
		this.access.requireAdminOver(unit.path());
		List<UserRoleMapper.AdminGrant> rows = this.roles.adminGrantsOn(this.units.subtreeIds(unit.path()), ADMIN_ROLES,
				page.afterId(), page.fetchSize());
		return Connections.of(rows, page, UserRoleMapper.AdminGrant::getId);
	}

	@BatchMapping(typeName = "AdminRoleGrant")
	List<AppUser> user(List<UserRoleMapper.AdminGrant> grants) {
		Map<Long, AppUser> byId = this.users
			.selectByIds(grants.stream().map(UserRoleMapper.AdminGrant::getUserId).distinct().toList())
			.stream()
			.collect(java.util.stream.Collectors.toMap(AppUser::getId, java.util.function.Function.identity()));
		// user_role.user_id is a foreign key: every grant has its user.
		return grants.stream().map(grant -> byId.get(grant.getUserId())).toList();
	}

	/** Input of {@code grantRole} and {@code revokeRole}. */
	record GrantRoleInput(@NotNull Long userId, @NotNull Role role, @NotNull Long orgUnitId) {
	}

	/**
	 * A center (or city) admin grants and revokes the admin roles below (and beside) them; the role must
	 * match the level of the unit it is granted on.
	 */
	@MutationMapping
	RoleGrant grantRole(@Argument @Valid GrantRoleInput input) {
		UnitPaths.Unit unit = unitOf(input);
		Actor actor = checkGrantable(input, unit);
		if (this.users.selectById(input.userId()) == null) {
			throw DomainException.notFound("用户");
		}
		// A grant after a revocation meets the revoked row's delete-marked uk_user_role entry: a
		// double tap's INSERT IGNOREs deadlock on it, and the victim, run again, finds the granted row.
		// The retried unit is the whole transaction, the history's line included.
		DeadlockRetry.run(3, log, "Granting " + input.role() + " to user " + input.userId(),
				() -> this.roleGrants.grant(input.userId(), input.role(), input.orgUnitId(),
						RoleGrants.Change.by(actor.userId(), RoleChangeCause.ADMIN)));
		return new RoleGrant(input.role(), input.orgUnitId(), unit.path());
	}

	/** False (and no history line) when the user did not hold the role. */
	@MutationMapping
	boolean revokeRole(@Argument @Valid GrantRoleInput input, @Argument @Size(max = 200) String reason) {
		Actor actor = checkGrantable(input, unitOf(input));
		String why = (reason == null || reason.isBlank()) ? null : reason.strip();
		if (why != null) {
			// Other admins read it in the history: msgSecCheck before anything changes.
			this.content.requirePass(this.access.openidOf(actor.userId()), ContentSecurity.Scene.COMMENT, null, why);
		}
		// A DELETE racing a grant's INSERT IGNORE on the same key can deadlock as well.
		return DeadlockRetry.run(3, log, "Revoking " + input.role() + " from user " + input.userId(),
				() -> this.roleGrants.revoke(input.userId(), input.role(), input.orgUnitId(),
						new RoleGrants.Change(actor.userId(), RoleChangeCause.ADMIN, null, why)));
	}

	/**
	 * 角色变更记录: the grants and revocations filed under the unit and the units below it, newest
	 * first, for an admin covering the unit (as {@link #adminRoleGrants}).
	 */
	@QueryMapping
	Connection<RoleEvent> roleHistory(@Argument long orgUnitId,
			@Argument @Min(0) @Max(Connections.MAX_FIRST) Integer first, @Argument String after) {
		Connections.PageRequest page = Connections.page(first, after);
		UnitPaths.Unit unit = this.units.find(orgUnitId).orElseThrow(() -> DomainException.notFound("组织单位"));
		this.access.requireAdminOver(unit.path());
		List<RoleEvent> rows = this.roleEvents.onUnits(this.units.subtreeIds(unit.path()), page.afterId(),
				page.fetchSize());
		return Connections.of(rows, page, RoleEvent::getId);
	}

	/** The unit a grant is made on; an admin role must be granted on a unit, checked first. */
	private UnitPaths.Unit unitOf(GrantRoleInput input) {
		if (!input.role().isAdmin()) {
			throw DomainException.badRequest("只能授予管理员角色");
		}
		return this.units.find(input.orgUnitId()).orElseThrow(() -> DomainException.notFound("组织单位"));
	}

	private Actor checkGrantable(GrantRoleInput input, UnitPaths.Unit unit) {
		if (!unit.level().equals(input.role().adminLevel())) {
			throw DomainException.badRequest(input.role() + " 只能授予在 " + input.role().adminLevel() + " 级单位上");
		}
		// 中心管理员 grant within their county, 市级管理员 within their city (a city's own admins included).
		Actor actor = this.access.requireActor();
		if (!actor.isCenterAdminOrAboveOver(unit.path())) {
			throw new DomainException(CommonError.FORBIDDEN);
		}
		// The "not your own station" rules (站互评, spot-check corrections) read the current grants: an
		// admin who could drop and take 站长 roles themselves could step out of them for a moment.
		if (input.userId() == actor.userId()) {
			throw new DomainException(AuthError.ROLE_GRANT_OWN);
		}
		return actor;
	}

	/** Another user's phone is never shown in full; the owner sees their own. */
	@SchemaMapping(typeName = "User")
	String phone(AppUser user) {
		if (user.getPhone() == null) {
			return null;
		}
		String phone = this.phones.phone(user);
		Long caller = this.access.currentUserId();
		return user.getId().equals(caller) ? phone : cn.wenming.practice.shared.Masking.phone(phone);
	}

	@BatchMapping(typeName = "User")
	List<List<RoleGrant>> roleGrants(List<AppUser> users) {
		Map<Long, List<RoleGrant>> byUser = grantsByUser(users);
		return users.stream().map(user -> byUser.getOrDefault(user.getId(), List.of())).toList();
	}

	@BatchMapping(typeName = "User")
	List<List<Role>> roles(List<AppUser> users) {
		Map<Long, List<RoleGrant>> byUser = grantsByUser(users);
		return users.stream().map(user -> {
			Set<Role> roles = new java.util.LinkedHashSet<>();
			roles.add(Role.RESIDENT);
			byUser.getOrDefault(user.getId(), List.of()).forEach(grant -> roles.add(grant.role()));
			return List.copyOf(roles);
		}).toList();
	}

	/** Whether the user is an admin of the whole deployment: what the console offers the shared settings by. */
	@BatchMapping(typeName = "User")
	List<Boolean> coversWholeDeployment(List<AppUser> users) {
		Map<Long, List<RoleGrant>> byUser = grantsByUser(users);
		return users.stream()
			.map(user -> new Actor(user.getId(), byUser.getOrDefault(user.getId(), List.of())).coversWholeDeployment())
			.toList();
	}

	private Map<Long, List<RoleGrant>> grantsByUser(Collection<AppUser> users) {
		return this.grants.grantsOfUsers(users.stream().map(AppUser::getId).distinct().toList());
	}

}
