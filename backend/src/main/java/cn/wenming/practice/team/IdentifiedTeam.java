package cn.wenming.practice.team;

/**
 * The source object of the GraphQL {@code Team} type, as far as other features need it: its id. Lets
 * a feature that depends on this one add a batched field to {@code Team} (e.g.
 * {@code Team.certifiedStars}) without reading this feature's tables or internal types.
 */
public interface IdentifiedTeam {

	Long getId();

}
