package cn.wenming.practice.need;

import java.time.Instant;

import cn.wenming.practice.media.PhotoHold;
import cn.wenming.practice.media.PhotoSubject;
import cn.wenming.practice.media.PhotoView;
import cn.wenming.practice.need.NeedContentReview.HeldNeedPhoto;
import cn.wenming.practice.shared.Connections;
import graphql.relay.Connection;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** The review queues of the dispatch desk: held texts and held photos of needs. */
@Controller
class NeedContentReviewController {

	private final NeedContentReview review;

	NeedContentReviewController(NeedContentReview review) {
		this.review = review;
	}

	@QueryMapping
	Connection<NeedView> heldNeedTexts(@Argument long orgUnitId, @Argument Integer first, @Argument String after) {
		return this.review.heldTexts(orgUnitId, Connections.page(first, after));
	}

	@QueryMapping
	Connection<HeldNeedPhoto> heldNeedPhotos(@Argument long orgUnitId, @Argument Integer first,
			@Argument String after) {
		return this.review.heldPhotos(orgUnitId, Connections.page(first, after));
	}

	@MutationMapping
	HeldNeedPhoto reviewNeedPhoto(@Argument long photoId, @Argument boolean approve) {
		return this.review.review(photoId, approve);
	}

	// --- HeldNeedPhoto fields: all already loaded with the row (the page's needs and stations in one query each).

	@SchemaMapping(typeName = "HeldNeedPhoto")
	PhotoView photo(HeldNeedPhoto held) {
		return held.photo().view();
	}

	@SchemaMapping(typeName = "HeldNeedPhoto")
	PhotoHold hold(HeldNeedPhoto held) {
		return held.photo().hold();
	}

	@SchemaMapping(typeName = "HeldNeedPhoto")
	PhotoSubject part(HeldNeedPhoto held) {
		return held.photo().subject();
	}

	@SchemaMapping(typeName = "HeldNeedPhoto")
	long needId(HeldNeedPhoto held) {
		return held.need().getId();
	}

	@SchemaMapping(typeName = "HeldNeedPhoto")
	String needTitle(HeldNeedPhoto held) {
		return held.need().getTitle();
	}

	@SchemaMapping(typeName = "HeldNeedPhoto")
	Instant uploadedAt(HeldNeedPhoto held) {
		return held.photo().uploadedAt();
	}

	@SchemaMapping(typeName = "HeldNeedPhoto")
	Long reviewedByUserId(HeldNeedPhoto held) {
		return held.photo().reviewedBy();
	}

	@SchemaMapping(typeName = "HeldNeedPhoto")
	Instant reviewedAt(HeldNeedPhoto held) {
		return held.photo().reviewedAt();
	}

}
