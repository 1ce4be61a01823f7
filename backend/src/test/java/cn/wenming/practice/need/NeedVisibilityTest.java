package cn.wenming.practice.need;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import cn.wenming.practice.shared.FieldCrypto;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The views that need no lookup of the viewer's standing: the resident's own list, an admin's
 * list and the public wish. Who is privileged for one need (and what the assignee and other
 * viewers get) is covered end to end by {@link NeedPrivacyTest} and {@link NeedContentSecurityTest}.
 */
class NeedVisibilityTest {

	private final NeedVisibility visibility = new NeedVisibility(null, null, null, null,
			new NeedContacts(FieldCrypto.withKey("MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="), null));

	@Test
	void theResidentSeesPrivateFieldsAndTheirHeldCommentButNotAHeldNote() {
		NeedView view = this.visibility.forResident(heldNeed());
		assertThat(view.privileged()).isTrue();
		assertThat(view.contactName()).isEqualTo("张三丰");
		assertThat(view.contactPhone()).isEqualTo("13800000000");
		assertThat(view.address()).isEqualTo("幸福路 1 号");
		assertThat(view.latitude()).isEqualByComparingTo("31.5");
		assertThat(view.contentHold()).isEqualTo(ContentHold.REVIEW);
		assertThat(view.completionNote()).isNull();
		assertThat(view.completionNoteHold()).isNull();
		assertThat(view.ratingComment()).isEqualTo("评价");
		assertThat(view.ratingCommentHold()).isEqualTo(ContentHold.UNCHECKED);
		assertThat(view.maskedContactName()).isEqualTo("张**");
		assertThat(view.desiredDate()).isEqualTo("2026-12-24");
	}

	@Test
	void anAdminSeesEverything() {
		NeedView view = this.visibility.forAdmin(heldNeed());
		assertThat(view.privileged()).isTrue();
		assertThat(view.consentNote()).isEqualTo("同意");
		assertThat(view.completionNote()).isEqualTo("说明");
		assertThat(view.completionNoteHold()).isEqualTo(ContentHold.REVIEW);
		assertThat(view.ratingComment()).isEqualTo("评价");
		assertThat(view.ratingCommentHold()).isEqualTo(ContentHold.UNCHECKED);
	}

	@Test
	void aWishCarriesOnlyPublicFields() {
		Wish wish = NeedVisibility.wish(heldNeed());
		assertThat(wish.maskedContactName()).isEqualTo("张**");
		assertThat(wish.title()).isEqualTo("买药");
		assertThat(wish.desiredDate()).isEqualTo("2026-12-24");
		assertThat(Wish.class.getRecordComponents()).extracting("name")
			.doesNotContain("contactName", "contactPhone", "address", "latitude", "longitude", "consentNote");
	}

	@Test
	void unheldTextsAreShownToTheResident() {
		Need need = heldNeed();
		need.setCompletionNoteHold(null);
		assertThat(this.visibility.forResident(need).completionNote()).isEqualTo("说明");
	}

	private static Need heldNeed() {
		Need need = new Need();
		need.setId(7L);
		need.setCategoryId(1L);
		need.setTitle("买药");
		need.setDescription("帮忙买药");
		need.setContactName("张三丰");
		need.setContactPhone("13800000000");
		need.setAddress("幸福路 1 号");
		need.setLatitude(new BigDecimal("31.5"));
		need.setLongitude(new BigDecimal("120.3"));
		need.setConsentNote("同意");
		need.setDesiredDate(LocalDate.of(2026, 12, 24));
		need.setStationId(3L);
		need.setStatus(NeedStatus.RATED);
		need.setContentHold(ContentHold.REVIEW);
		need.setCompletionNote("说明");
		need.setCompletionNoteHold(ContentHold.REVIEW);
		need.setRatingComment("评价");
		need.setRatingCommentHold(ContentHold.UNCHECKED);
		need.setCreatedAt(Instant.parse("2026-12-01T00:00:00Z"));
		return need;
	}

}
