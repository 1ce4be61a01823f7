/**
 * Users and sign-in (微信登录 → access and refresh tokens), roles granted per org unit
 * ({@code app_user}, {@code user_role}, {@code refresh_token}), and the authorization every
 * service asks: {@link cn.wenming.practice.auth.AccessControl} with
 * {@link cn.wenming.practice.auth.Actor}. Depends on no feature; almost every feature depends on it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package cn.wenming.practice.auth;
