package cn.wenming.practice.civic;

import java.time.Instant;

import cn.wenming.practice.civic.CivicPhotoReview.HeldCivicPhoto;
import cn.wenming.practice.media.PhotoHold;
import cn.wenming.practice.media.PhotoSubject;
import cn.wenming.practice.media.PhotoView;
import cn.wenming.practice.shared.Connections;
import graphql.relay.Connection;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** The 内容审核 queue of 随手拍 photos: held photos listed for the staff covering the report, decided once. */
@Controller
class CivicPhotoReviewController {

	private final CivicPhotoReview review;

	CivicPhotoReviewController(CivicPhotoReview review) {
		this.review = review;
	}

	@QueryMapping
	Connection<HeldCivicPhoto> heldCivicPhotos(@Argument long orgUnitId,
			@Argument @Min(0) @Max(Connections.MAX_FIRST) Integer first, @Argument String after) {
		return this.review.held(orgUnitId, Connections.page(first, after));
	}

	@MutationMapping
	HeldCivicPhoto reviewCivicPhoto(@Argument long photoId, @Argument boolean approve) {
		return this.review.review(photoId, approve);
	}

	// --- HeldCivicPhoto fields: all loaded with the row (the page's reports and stations in one query each).

	@SchemaMapping(typeName = "HeldCivicPhoto")
	PhotoView photo(HeldCivicPhoto held) {
		return held.photo().view();
	}

	@SchemaMapping(typeName = "HeldCivicPhoto")
	PhotoHold hold(HeldCivicPhoto held) {
		return held.photo().hold();
	}

	@SchemaMapping(typeName = "HeldCivicPhoto")
	PhotoSubject part(HeldCivicPhoto held) {
		return held.photo().subject();
	}

	@SchemaMapping(typeName = "HeldCivicPhoto")
	long reportId(HeldCivicPhoto held) {
		return held.report().id;
	}

	@SchemaMapping(typeName = "HeldCivicPhoto")
	CivicCategory category(HeldCivicPhoto held) {
		return held.report().category;
	}

	@SchemaMapping(typeName = "HeldCivicPhoto")
	String categoryLabel(HeldCivicPhoto held) {
		return held.report().category.label();
	}

	@SchemaMapping(typeName = "HeldCivicPhoto")
	String description(HeldCivicPhoto held) {
		return held.report().description;
	}

	@SchemaMapping(typeName = "HeldCivicPhoto")
	CivicStatus reportStatus(HeldCivicPhoto held) {
		return held.report().status;
	}

	@SchemaMapping(typeName = "HeldCivicPhoto")
	long stationId(HeldCivicPhoto held) {
		return held.report().stationId;
	}

	@SchemaMapping(typeName = "HeldCivicPhoto")
	String stationName(HeldCivicPhoto held) {
		return held.stationName();
	}

	@SchemaMapping(typeName = "HeldCivicPhoto")
	Instant uploadedAt(HeldCivicPhoto held) {
		return held.photo().uploadedAt();
	}

	@SchemaMapping(typeName = "HeldCivicPhoto")
	Long reviewedByUserId(HeldCivicPhoto held) {
		return held.photo().reviewedBy();
	}

	@SchemaMapping(typeName = "HeldCivicPhoto")
	Instant reviewedAt(HeldCivicPhoto held) {
		return held.photo().reviewedAt();
	}

}
