package cn.wenming.practice.civic;

import cn.wenming.practice.civic.CivicPhotoReview.HeldCivicPhoto;
import cn.wenming.practice.shared.Connections;
import graphql.relay.Connection;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
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

}
