package cn.wenming.practice.project;

import java.time.Instant;

/**
 * A service delivered under a service project (服务项目) was rated by the person served, e.g. a
 * need dispatched or claimed with a project. Published inside the rating transaction; this feature
 * consumes it after commit and counts it towards {@code Project.rating}. Owned by the project
 * feature, not the publisher, so that projects depend on no feature that serves under them.
 * {@code sourceId} with {@code source} identifies the rated thing, so a replayed event counts once.
 */
public record ServiceRated(long projectId, Source source, long sourceId, int stars, Instant ratedAt) {

	/** What was rated. */
	public enum Source {

		/** A need (需求), {@code sourceId} is the need id. */
		NEED

	}

}
