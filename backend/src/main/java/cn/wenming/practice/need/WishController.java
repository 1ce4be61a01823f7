package cn.wenming.practice.need;

import java.util.List;

import cn.wenming.practice.shared.Connections;
import graphql.relay.Connection;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The public wish wall (心愿墙) over GraphQL: {@link Wish} has no private field to guard. */
@Controller
class WishController {

	private final NeedQueries queries;

	private final NeedLabels labels;

	WishController(NeedQueries queries, NeedLabels labels) {
		this.queries = queries;
		this.labels = labels;
	}

	@QueryMapping
	Connection<Wish> wishWall(@Argument long orgUnitId, @Argument Integer first, @Argument String after) {
		return this.queries.wishWall(orgUnitId, Connections.page(first, after));
	}

	@BatchMapping(typeName = "Wish")
	List<NeedCategory> category(List<Wish> wishes) {
		return this.labels.categories(wishes.stream().map(Wish::categoryId).toList());
	}

	@BatchMapping(typeName = "Wish")
	List<String> stationName(List<Wish> wishes) {
		return this.labels.stationNames(wishes.stream().map(Wish::stationId).toList());
	}

}
