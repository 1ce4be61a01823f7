package cn.wenming.practice.need;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Pattern;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** 落实清单 over GraphQL; the same lists as a public HTML page are {@link FulfilmentPage}'s. */
@Controller
class FulfilmentController {

	private final FulfilmentLists lists;

	FulfilmentController(FulfilmentLists lists) {
		this.lists = lists;
	}

	/** A published month in the unit's list of months; {@code publicPath} is the HTML page's path. */
	record PublishedFulfilmentList(String month, Instant publishedAt, String publicPath) {
	}

	@QueryMapping
	FulfilmentList fulfilmentList(@Argument long orgUnitId,
			@Argument @Pattern(regexp = FulfilmentList.MONTH) String month) {
		return this.lists.view(orgUnitId, month);
	}

	@QueryMapping
	List<PublishedFulfilmentList> fulfilmentLists(@Argument long orgUnitId) {
		return this.lists.publishedOf(orgUnitId)
			.stream()
			.map(row -> new PublishedFulfilmentList(row.getMonth(), row.getPublishedAt(),
					FulfilmentPage.path(orgUnitId, row.getMonth())))
			.toList();
	}

	@MutationMapping
	FulfilmentList publishFulfilmentList(@Argument long orgUnitId,
			@Argument @Pattern(regexp = FulfilmentList.MONTH) String month) {
		return this.lists.publish(orgUnitId, month);
	}

}
