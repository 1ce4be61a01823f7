/**
 * The WeChat official account (公众号): its custom menu ({@code publishMpMenu}), the message
 * endpoint {@code /wx/mp/portal} (welcome, upcoming activities near the follower, default reply),
 * and sign-up attribution ({@code signUpSources}). Reads activities only through
 * {@link cn.wenming.practice.activity.UpcomingActivities} and
 * {@link cn.wenming.practice.activity.SignUpSources}. Switched off when {@code WX_MP_APPID} is not set.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "activity", "auth", "org" })
package cn.wenming.practice.mp;
