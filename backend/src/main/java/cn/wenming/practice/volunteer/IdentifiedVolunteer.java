package cn.wenming.practice.volunteer;

/**
 * The source object of the GraphQL {@code Volunteer} type, as far as other features need it: its id.
 * Lets a feature that depends on this one add a batched field to {@code Volunteer} (e.g.
 * {@code Volunteer.honours}) without reading this feature's tables or internal types.
 */
public interface IdentifiedVolunteer {

	Long getId();

}
