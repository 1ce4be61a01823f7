package cn.wenming.practice.auth;

/** What a {@link RoleEvent} did to the role. */
public enum RoleEventKind {

	GRANTED,

	REVOKED

}
