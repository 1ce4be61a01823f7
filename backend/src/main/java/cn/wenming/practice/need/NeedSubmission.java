package cn.wenming.practice.need;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import cn.wenming.practice.org.OrgError;
import cn.wenming.practice.shared.CommonError;
import cn.wenming.practice.auth.AccessControl;
import cn.wenming.practice.auth.Actor;
import cn.wenming.practice.media.PhotoSubject;
import cn.wenming.practice.media.Photos;
import cn.wenming.practice.org.OrgDirectory;
import cn.wenming.practice.org.OrgLevel;
import cn.wenming.practice.org.OrgUnitRef;
import cn.wenming.practice.shared.ContentSecurity.Scene;
import cn.wenming.practice.shared.CreationKeys;
import cn.wenming.practice.shared.DomainException;
import cn.wenming.practice.shared.RecordCorrections;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 点单: a resident orders a need at a station (chosen, or the nearest open one), or staff enter an
 * offline order on a resident's behalf (代录) at a station they cover. The need starts SUBMITTED,
 * waiting for the station's review ({@link NeedSubmitted} tells the station's admins).
 */
@Service
class NeedSubmission {

	private static final Logger log = LoggerFactory.getLogger(NeedSubmission.class);

	/** How far the nearest station may be when the resident did not choose one (a county's width). */
	static final int NEAREST_STATION_RADIUS_METERS = 30_000;

	private final NeedMapper needs;

	private final NeedCategoryMapper categories;

	private final NeedTransitions transitions;

	private final OrgDirectory orgs;

	private final AccessControl access;

	private final TransactionTemplate tx;

	private final NeedContentCheck content;

	private final Photos photos;

	private final NeedVisibility visibility;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final NeedContacts contacts;

	NeedSubmission(NeedMapper needs, NeedCategoryMapper categories, NeedTransitions transitions, OrgDirectory orgs,
			AccessControl access, TransactionTemplate tx, NeedContentCheck content, Photos photos,
			NeedVisibility visibility, ApplicationEventPublisher events, Clock clock, NeedContacts contacts) {
		this.contacts = contacts;
		this.needs = needs;
		this.categories = categories;
		this.transitions = transitions;
		this.orgs = orgs;
		this.access = access;
		this.tx = tx;
		this.content = content;
		this.photos = photos;
		this.visibility = visibility;
		this.events = events;
		this.clock = clock;
	}

	NeedView submit(SubmitNeed command) {
		Actor actor = this.access.requireActor();
		NeedSource source = (command.source() == null) ? NeedSource.ONLINE : command.source();
		CreationKeys.Create<NeedView> keyed = CreationKeys.create(command.idempotencyKey(), digest(command, source),
				() -> this.needs.findByKey(actor.userId(), command.idempotencyKey()),
				id -> this.visibility.viewFor(actor, this.needs.selectById(id)));
		// A resend (a double tap, the client's retry of a 503 whose commit went through) answers the need
		// submitted once. Anyone may order online; an assisted entry's key is looked up once its sender is
		// found to cover the station, below.
		if (!source.assisted()) {
			NeedView earlier = keyed.earlier();
			if (earlier != null) {
				return earlier;
			}
		}
		NeedCategory category = this.categories.selectById(command.categoryId());
		if (category == null || !Boolean.TRUE.equals(category.getEnabled())) {
			throw new DomainException(NeedError.NEED_CATEGORY_UNKNOWN);
		}
		List<Long> photoIds = this.photos.validateIds(command.photoIds());
		OrgUnitRef station = stationFor(command);
		if (source.assisted()) {
			// 代录: staff enter an offline need on the resident's behalf, only at a station they cover.
			if (!actor.isAdminOver(station.path())) {
				throw DomainException.forbidden();
			}
			NeedView earlier = keyed.earlier();
			if (earlier != null) {
				return earlier;
			}
			if (command.consentNote() == null || command.consentNote().isBlank()) {
				throw new DomainException(CommonError.BAD_REQUEST, "代录需求须填写群众知情同意说明");
			}
		}
		Need need = new Need();
		need.setCategoryId(category.getId());
		need.setTitle(command.title().strip());
		need.setDescription(command.description().strip());
		need.setBeneficiaryType(command.beneficiaryType());
		need.setUrgency(command.urgency());
		need.setAddress(command.address().strip());
		need.setLatitude(decimal(command.latitude()));
		need.setLongitude(decimal(command.longitude()));
		need.setContactName(command.contactName().strip());
		need.setContactPhone(command.contactPhone().strip());
		need.setDesiredDate(parseDate(command.desiredDate()));
		need.setStationId(station.id());
		need.setSource(source);
		need.setConsentNote(source.assisted() ? command.consentNote().strip() : null);
		need.setResidentUserId(source.assisted() ? null : actor.userId());
		need.setCreatedBy(actor.userId());
		need.setStatus(NeedStatus.SUBMITTED);
		need.setVersion(0);
		// Before anything is stored and outside the transaction: a WeChat call may take seconds.
		ContentHold hold = this.content.check(actor, Scene.FORUM, need.getTitle(), need.getDescription());
		need.setContentHold(hold);
		this.contacts.seal(need);
		Instant now = this.clock.instant();
		// The application clock, not the fill handler's system time: stage deadlines and the monthly
		// 落实清单 compare created_at with clock time.
		need.setCreatedAt(now);
		need.setUpdatedAt(now);
		need.setStageStartedAt(now);
		need.setIdempotencyKey(command.idempotencyKey());
		need.setRequestDigest(keyed.digest());
		return keyed.once(log, "Submitting need", () -> this.tx.executeWithoutResult(status -> {
			if (!this.orgs.lockIfOpen(station.id())) {
				throw new DomainException(OrgError.ORG_UNIT_CLOSED);
			}
			this.needs.insert(need);
			// The submitter's own uploads (the resident, or the staff member for an assisted order).
			this.photos.attach(actor.userId(), photoIds, PhotoSubject.NEED, need.getId(), station.id());
			this.transitions.record(need.getId(), null, NeedStatus.SUBMITTED, actor.userId(),
					submissionNote(source, hold), now);
			this.events.publishEvent(new NeedSubmitted(need.getId(), station.id(), actor.userId(), hold != null, now));
		}), () -> this.visibility.viewFor(actor, this.needs.selectById(need.getId())));
	}

	/**
	 * The order as sent (normalised as it is stored): what a resend of it repeats. The sealed address
	 * and phone enter it through {@link NeedContacts#digestOf}, never in plain text.
	 */
	private String digest(SubmitNeed command, NeedSource source) {
		return RecordCorrections.digest("NEED", command.categoryId(), command.title().strip(),
				command.description().strip(), command.beneficiaryType(), command.urgency(),
				this.contacts.digestOf(command.address().strip(), command.contactPhone().strip()),
				decimal(command.latitude()), decimal(command.longitude()), command.contactName().strip(),
				blankToNull(command.desiredDate()), command.stationId(), source,
				blankToNull(command.consentNote()),
				(command.photoIds() == null || command.photoIds().isEmpty()) ? null : command.photoIds());
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	private static String submissionNote(NeedSource source, ContentHold hold) {
		String assisted = source.assisted() ? "代录：" + source : null;
		if (hold == null) {
			return assisted;
		}
		String held = "内容待人工审核（" + hold + "）";
		return (assisted == null) ? held : assisted + "；" + held;
	}

	private OrgUnitRef stationFor(SubmitNeed command) {
		if (command.stationId() == null) {
			return this.orgs
				.nearestOpenStation(command.latitude(), command.longitude(), NEAREST_STATION_RADIUS_METERS)
				.orElseThrow(() -> new DomainException(NeedError.NEED_NO_STATION_NEARBY));
		}
		OrgUnitRef station = this.orgs.require(command.stationId());
		if (station.level() != OrgLevel.STATION) {
			throw DomainException.badRequest("需求须提交到新时代文明实践站");
		}
		if (!station.open()) {
			throw new DomainException(OrgError.ORG_UNIT_CLOSED);
		}
		return station;
	}

	private static LocalDate parseDate(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new DomainException(CommonError.BAD_REQUEST, "期望日期格式应为 yyyy-MM-dd");
		}
	}

	private static BigDecimal decimal(double value) {
		return BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP);
	}

}
