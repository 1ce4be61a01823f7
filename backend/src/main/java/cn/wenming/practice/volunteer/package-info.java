/**
 * Volunteers (志愿者): registration with a real name and an encrypted resident ID number, training
 * before duty (先培训再上岗), credited hours and star level (星级), and honor hours (补录) recorded by
 * admins, kept apart from credit hours. Other features use
 * {@link cn.wenming.practice.volunteer.VolunteerDirectory}, {@link cn.wenming.practice.volunteer.VolunteerRef},
 * {@link cn.wenming.practice.volunteer.VolunteerProfile}, {@link cn.wenming.practice.volunteer.VolunteerHours}, {@link cn.wenming.practice.volunteer.ServiceCategory}
 * and {@link cn.wenming.practice.volunteer.StarLevel}, and implement its ports
 * {@link cn.wenming.practice.volunteer.VolunteerServiceRecord} (activity and need: the totals of
 * {@code Volunteer.stats}) and {@link cn.wenming.practice.volunteer.ConfirmedNeedService} (need: the
 * lines of the service certificate), {@link cn.wenming.practice.volunteer.VolunteerHonours}
 * (recognition: the honour titles on the certificate) and
 * {@link cn.wenming.practice.volunteer.StaffTrainingRoster} (assessment: who a staff training may
 * list as attendees, the staff and 骨干 its coverage figure counts). It announces every change of a volunteer's
 * credited total with {@link cn.wenming.practice.volunteer.CreditHoursChanged}, and lets features
 * above it add fields to {@code Volunteer} through {@link cn.wenming.practice.volunteer.IdentifiedVolunteer};
 * everything else is internal.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "auth", "org" })
package cn.wenming.practice.volunteer;
