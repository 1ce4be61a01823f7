package cn.wenming.practice.leaderboard;

import cn.wenming.practice.shared.Selections;
import graphql.schema.DataFetchingEnvironment;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code leaderboard}, the name opt-in and the center admins' rebuild. */
@Controller
class LeaderboardController {

	private final LeaderboardService service;

	LeaderboardController(LeaderboardService service) {
		this.service = service;
	}

	/** Names are looked up only where the query selects them (a page shows the caller's rank, not their name). */
	@QueryMapping
	LeaderboardService.View leaderboard(@Argument @NotNull LeaderboardKind kind,
			@Argument @NotNull LeaderboardPeriod period, @Argument @NotNull Long scopeId,
			@Argument Board.ScopeType scopeType, @Argument @NotNull @Min(1) @Max(100) Integer first,
			DataFetchingEnvironment env) {
		var names = new LeaderboardService.Names(Selections.selects(env, "entries", "name"),
				Selections.selects(env, "me", "name"));
		return this.service.leaderboard(kind, period, (scopeType != null) ? scopeType : Board.ScopeType.ORG, scopeId,
				first, names);
	}

	@MutationMapping
	boolean setShowNameOnLeaderboard(@Argument @NotNull Boolean show) {
		return this.service.setShowName(show);
	}

	@MutationMapping
	LeaderboardService.Rebuilt rebuildLeaderboards() {
		return this.service.rebuildByAdmin();
	}

}
