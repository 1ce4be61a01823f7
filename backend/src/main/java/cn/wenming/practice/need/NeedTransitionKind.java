package cn.wenming.practice.need;

/**
 * What a timeline row records when it is more than a plain move (GraphQL
 * {@code NeedTransitionKind}); a plain move has none.
 */
enum NeedTransitionKind {

	/** 回访: an admin recorded the rating of an assisted need on the resident's behalf. */
	REVISIT

}
