package cn.wenming.practice.volunteer;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import cn.wenming.practice.org.OrgError;
import cn.wenming.practice.auth.AccessControl;
import cn.wenming.practice.auth.Actor;
import cn.wenming.practice.auth.Role;
import cn.wenming.practice.auth.RoleChangeCause;
import cn.wenming.practice.auth.RoleGrants;
import cn.wenming.practice.org.OrgDirectory;
import cn.wenming.practice.org.OrgLevel;
import cn.wenming.practice.org.OrgUnitRef;
import cn.wenming.practice.shared.CommonError;
import cn.wenming.practice.shared.Connections;
import cn.wenming.practice.shared.ContentSecurity;
import cn.wenming.practice.shared.CreationKeys;
import cn.wenming.practice.shared.DomainException;
import cn.wenming.practice.shared.FieldCrypto;
import cn.wenming.practice.shared.Masking;
import cn.wenming.practice.shared.RecordCorrections;
import graphql.relay.Connection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Registration (注册登记), training (先培训再上岗) and the admin views of volunteers. */
@Service
class VolunteerService {

	private static final Logger log = LoggerFactory.getLogger(VolunteerService.class);

	private final VolunteerMapper volunteers;

	private final VolunteerTagMapper tags;

	private final TrainingMapper trainings;

	private final OrgDirectory orgs;

	private final AccessControl access;

	private final RoleGrants roleGrants;

	private final FieldCrypto crypto;

	private final TransactionTemplate tx;

	private final ContentSecurity content;

	private final PartyChangeMapper partyChanges;

	VolunteerService(VolunteerMapper volunteers, VolunteerTagMapper tags, TrainingMapper trainings, OrgDirectory orgs,
			AccessControl access, RoleGrants roleGrants, FieldCrypto crypto, TransactionTemplate tx,
			ContentSecurity content, PartyChangeMapper partyChanges) {
		this.partyChanges = partyChanges;
		this.content = content;
		this.volunteers = volunteers;
		this.tags = tags;
		this.trainings = trainings;
		this.orgs = orgs;
		this.access = access;
		this.roleGrants = roleGrants;
		this.crypto = crypto;
		this.tx = tx;
	}

	/** What {@link #register} needs; validated at the API edge (lengths, required fields). */
	record RegisterVolunteer(String realName, String idNumber, Long homeStationId, List<String> skills,
			List<ServiceCategory> categories, Boolean partyMember, Boolean inServicePartyMember) {
	}

	Volunteer register(RegisterVolunteer input) {
		long userId = this.access.requireUserId();
		String idNumber = IdNumbers.normalize(input.idNumber());
		requireOpenStation(input.homeStationId());
		// A clear answer for the common case; the unique keys below decide races.
		if (this.volunteers.findByUserId(userId) != null) {
			throw new DomainException(VolunteerError.VOLUNTEER_ALREADY_REGISTERED);
		}
		Set<String> skills = normalizeTags(input.skills());
		// Free-text skill tags are shown in the 资源清单: one msgSecCheck for all of them (none when
		// there are none), before the transaction and before the ID number is looked up: every input
		// check that does not depend on the number answers the same whether or not it is registered,
		// so a text WeChat rejects cannot be used to ask, over and over and storing nothing, whether
		// a number belongs to a volunteer.
		this.content.requirePass(this.access.openidOf(userId), ContentSecurity.Scene.PROFILE, null,
				String.join("、", skills));
		List<String> categories = (input.categories() == null) ? List.of()
				: input.categories().stream().distinct().map(Enum::name).toList();
		// During a key rotation the number may still be indexed under the previous key, which the
		// unique key below cannot see: look under every configured key.
		if (this.volunteers.idNumberRegistered(this.crypto.blindIndexes(idNumber))) {
			throw new DomainException(VolunteerError.ID_NUMBER_ALREADY_REGISTERED);
		}
		Volunteer volunteer = new Volunteer();
		volunteer.setUserId(userId);
		volunteer.setRealName(input.realName().strip());
		volunteer.setIdNumberCipher(this.crypto.encrypt(idNumber));
		volunteer.setIdNumberHash(this.crypto.blindIndex(idNumber));
		volunteer.setIdNumberMasked(Masking.idNumber(idNumber));
		volunteer.setHomeStationId(input.homeStationId());
		volunteer.setPartyMember(Boolean.TRUE.equals(input.partyMember()));
		volunteer.setTrained(false);
		// 在职党员: declared here, counted once an admin over the home station confirms it.
		volunteer.setInServicePartyDeclared(Boolean.TRUE.equals(input.inServicePartyMember()));
		volunteer.setInServicePartyMember(false);
		volunteer.setCreditHours(BigDecimal.ZERO);
		volunteer.setHonorHours(BigDecimal.ZERO);
		try {
			this.tx.executeWithoutResult(status -> {
				this.volunteers.insert(volunteer);
				if (!skills.isEmpty()) {
					this.tags.insertAll(volunteer.getId(), VolunteerTagMapper.SKILL, skills);
				}
				if (!categories.isEmpty()) {
					this.tags.insertAll(volunteer.getId(), VolunteerTagMapper.CATEGORY, categories);
				}
				this.roleGrants.grant(userId, Role.VOLUNTEER, null, RoleGrants.Change.by(null, RoleChangeCause.REGISTRATION));
			});
		}
		catch (DuplicateKeyException ex) {
			throw duplicate(ex);
		}
		return this.volunteers.selectById(volunteer.getId());
	}

	/** Which unique key refused the row (MySQL says {@code volunteer.uk_…}, MariaDB {@code uk_…}). */
	private static DomainException duplicate(DuplicateKeyException ex) {
		String message = String.valueOf(ex.getMostSpecificCause().getMessage());
		if (message.contains("uk_volunteer_id_number")) {
			return new DomainException(VolunteerError.ID_NUMBER_ALREADY_REGISTERED);
		}
		if (message.contains("uk_volunteer_user")) {
			return new DomainException(VolunteerError.VOLUNTEER_ALREADY_REGISTERED);
		}
		throw ex;
	}

	private OrgUnitRef requireOpenStation(long unitId) {
		OrgUnitRef unit = this.orgs.require(unitId);
		if (unit.level() != OrgLevel.STATION) {
			throw DomainException.badRequest("所属站点必须是一个站（村、社区）");
		}
		if (!unit.open()) {
			throw new DomainException(OrgError.ORG_UNIT_CLOSED);
		}
		return unit;
	}

	/** Trimmed, blank-free, de-duplicated, in the order given. */
	static Set<String> normalizeTags(List<String> values) {
		Set<String> result = new LinkedHashSet<>();
		if (values != null) {
			for (String value : values) {
				if (value != null && !value.isBlank()) {
					result.add(value.strip());
				}
			}
		}
		return result;
	}

	/** What {@link #recordTraining} needs. */
	record RecordTraining(Long volunteerId, String course, Instant completedAt, String idempotencyKey) {
	}

	Volunteer recordTraining(RecordTraining input) {
		Volunteer volunteer = this.volunteers.selectById(input.volunteerId());
		if (volunteer == null) {
			throw DomainException.notFound("志愿者");
		}
		Actor actor = this.access.requireAdminOver(this.orgs.require(volunteer.getHomeStationId()).path());
		if (actor.userId() == volunteer.getUserId()) {
			// Nobody records their own training (先培训再上岗: it makes them eligible), as for honor hours.
			throw new DomainException(CommonError.FORBIDDEN, "不能登记本人的培训，请由另一位管理员登记");
		}
		// A resend (a double click, the console's retry of a 503 whose commit went through) answers the
		// volunteer as after the training recorded once: looked up only now that the caller may record it.
		CreationKeys.Create<Volunteer> keyed = CreationKeys.create(input.idempotencyKey(),
				RecordCorrections.digest("TRAINING", volunteer.getId(), input.course().strip(), input.completedAt()),
				() -> this.trainings.findByKey(actor.userId(), input.idempotencyKey()),
				id -> this.volunteers.selectById(volunteer.getId()));
		Volunteer earlier = keyed.earlier();
		if (earlier != null) {
			return earlier;
		}
		if (input.completedAt().isAfter(Instant.now())) {
			throw DomainException.badRequest("培训完成时间不能晚于现在");
		}
		Training training = new Training();
		training.setVolunteerId(volunteer.getId());
		training.setCourse(input.course().strip());
		training.setCompletedAt(input.completedAt());
		training.setRecordedBy(actor.userId());
		training.idempotencyKey = input.idempotencyKey();
		training.requestDigest = keyed.digest();
		return keyed.once(log, "Recording training", () -> this.tx.executeWithoutResult(status -> {
			this.trainings.insert(training);
			this.volunteers.markTrained(volunteer.getId(), Instant.now());
		}), () -> this.volunteers.selectById(volunteer.getId()));
	}

	Volunteer mine() {
		return this.volunteers.findByUserId(this.access.requireUserId());
	}

	/** Self, or an admin whose scope covers the volunteer's home station; anyone else is refused. */
	Volunteer byId(long id) {
		Actor actor = this.access.requireActor();
		Volunteer volunteer = this.volunteers.selectById(id);
		if (volunteer == null) {
			// Same answer as for someone else's record, so ids cannot be probed.
			if (actor.isAnyAdmin()) {
				return null;
			}
			throw DomainException.forbidden();
		}
		if (volunteer.getUserId() == actor.userId()) {
			return volunteer;
		}
		if (!actor.isAdminOver(this.orgs.require(volunteer.getHomeStationId()).path())) {
			throw DomainException.forbidden();
		}
		return volunteer;
	}

	/**
	 * {@code trained} null lists everyone; true or false only the trained or those waiting for training.
	 * {@code partyPending} true: only those who declared 在职党员 and wait for an admin to confirm it.
	 * {@code search}: only those whose name contains it (the console's pickers over a county's volunteers).
	 */
	Connection<Volunteer> inSubtree(long orgUnitId, Boolean trained, Boolean partyPending, String search,
			Integer first, String after) {
		Connections.PageRequest page = Connections.page(first, after);
		OrgUnitRef unit = this.orgs.require(orgUnitId);
		this.access.requireAdminOver(unit.path());
		List<Volunteer> rows = this.volunteers.pageInUnits(this.orgs.subtreeIds(unit.path()), trained,
				Boolean.TRUE.equals(partyPending), VolunteerDirectory.likeContains(search), page.afterId(),
				page.fetchSize());
		return Connections.of(rows, page, Volunteer::getId);
	}

	/** The volunteer's own 在职党员 declaration (registration or profile); withdrawing it drops the flag. */
	Volunteer declareInServiceParty(boolean declared) {
		long userId = this.access.requireUserId();
		Volunteer volunteer = this.volunteers.findByUserId(userId);
		if (volunteer == null) {
			throw new DomainException(VolunteerError.VOLUNTEER_REQUIRED);
		}
		Instant now = Instant.now();
		this.tx.executeWithoutResult(status -> {
			// Read under the row's lock: an admin's confirmation committed after the look-up above is
			// cleared by the withdrawal too, and must get its trail line.
			this.volunteers.lockForUpdate(List.of(volunteer.getId()));
			boolean wasConfirmed = Boolean.TRUE.equals(this.volunteers.selectById(volunteer.getId()).getInServicePartyMember());
			if (this.volunteers.declareInServiceParty(volunteer.getId(), declared, now) == 1 && !declared
					&& wasConfirmed) {
				partyTrail(volunteer.getId(), false, "本人撤回在职党员申报", userId, now);
			}
		});
		return this.volunteers.selectById(volunteer.getId());
	}

	/** What {@link #setInServiceParty} needs. */
	record SetInServiceParty(long volunteerId, boolean inService, String reason) {
	}

	/**
	 * 在职党员 confirmed (or set, or cleared) by an admin over the volunteer's home station, with a
	 * reason kept in the trail; never on their own record (FORBIDDEN). A guarded update: of two admins
	 * setting it at once one changes it, the other is told it already is so.
	 */
	Volunteer setInServiceParty(SetInServiceParty input) {
		Volunteer volunteer = this.volunteers.selectById(input.volunteerId());
		if (volunteer == null) {
			throw DomainException.notFound("志愿者");
		}
		Actor actor = this.access.requireAdminOver(this.orgs.require(volunteer.getHomeStationId()).path());
		if (volunteer.getUserId() == actor.userId()) {
			throw DomainException.forbidden();
		}
		String reason = input.reason().strip();
		this.content.requirePass(this.access.openidOf(actor.userId()), ContentSecurity.Scene.COMMENT, null, reason);
		Instant now = Instant.now();
		boolean changed = Boolean.TRUE.equals(this.tx.execute(status -> {
			if (this.volunteers.setInServiceParty(volunteer.getId(), input.inService(), actor.userId(), now) != 1) {
				return false;
			}
			partyTrail(volunteer.getId(), input.inService(), reason, actor.userId(), now);
			return true;
		}));
		if (!changed) {
			throw new DomainException(VolunteerError.IN_SERVICE_PARTY_UNCHANGED);
		}
		return this.volunteers.selectById(volunteer.getId());
	}

	/** The 在职党员 trail of a volunteer, newest first: for admins over the home station and the volunteer. */
	List<PartyChange> partyChanges(long volunteerId) {
		Volunteer volunteer = byId(volunteerId);
		return (volunteer == null) ? List.of() : this.partyChanges.ofVolunteer(volunteerId);
	}

	private void partyTrail(long volunteerId, boolean inService, String reason, long by, Instant at) {
		PartyChange change = new PartyChange();
		change.setVolunteerId(volunteerId);
		change.setInService(inService);
		change.setReason(reason);
		change.setChangedBy(by);
		change.setChangedAt(at);
		this.partyChanges.insert(change);
	}

}
