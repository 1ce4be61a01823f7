/**
 * 礼遇与嘉许 (recognition, seeds 000, 002, 004): rules a center sets — reaching a star level or a
 * credited total earns a one-off points bonus and/or an honour title, applied when a volunteer's
 * credit hours change ({@link cn.wenming.practice.volunteer.CreditHoursChanged}) and paid once per
 * rule and volunteer (the points feature posts the bonus on
 * {@link cn.wenming.practice.recognition.RecognitionBonusGranted}); the yearly 优秀志愿者, proposed
 * from the year's figures and approved one by one by an impartial center admin; the honours
 * volunteers hold (on {@code Volunteer.honours} and, through the port
 * {@link cn.wenming.practice.volunteer.VolunteerHonours}, on the service certificate), revoked only
 * by an admin with a reason; and the star certification of teams (志愿服务组织星级认证) with its trail.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "auth", "org", "team", "volunteer" })
package cn.wenming.practice.recognition;
