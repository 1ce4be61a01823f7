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
import cn.wenming.practice.auth.RoleGrants;
import cn.wenming.practice.org.OrgDirectory;
import cn.wenming.practice.org.OrgLevel;
import cn.wenming.practice.org.OrgUnitRef;
import cn.wenming.practice.shared.Connections;
import cn.wenming.practice.shared.ContentSecurity;
import cn.wenming.practice.shared.DomainException;
import cn.wenming.practice.shared.FieldCrypto;
import cn.wenming.practice.shared.Masking;
import graphql.relay.Connection;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Registration (注册登记), training (先培训再上岗) and the admin views of volunteers. */
@Service
class VolunteerService {

	private final VolunteerMapper volunteers;

	private final VolunteerTagMapper tags;

	private final TrainingMapper trainings;

	private final OrgDirectory orgs;

	private final AccessControl access;

	private final RoleGrants roleGrants;

	private final FieldCrypto crypto;

	private final TransactionTemplate tx;

	private final ContentSecurity content;

	VolunteerService(VolunteerMapper volunteers, VolunteerTagMapper tags, TrainingMapper trainings, OrgDirectory orgs,
			AccessControl access, RoleGrants roleGrants, FieldCrypto crypto, TransactionTemplate tx,
			ContentSecurity content) {
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
			List<ServiceCategory> categories, Boolean partyMember) {
	}

	Volunteer register(RegisterVolunteer input) {
		long userId = this.access.requireUserId();
		String idNumber = IdNumbers.normalize(input.idNumber());
		requireOpenStation(input.homeStationId());
		// A clear answer for the common case; the unique keys below decide races.
		if (this.volunteers.findByUserId(userId) != null) {
			throw new DomainException(VolunteerError.VOLUNTEER_ALREADY_REGISTERED);
		}
		// During a key rotation the number may still be indexed under the previous key, which the
		// unique key below cannot see: look under every configured key.
		if (this.volunteers.idNumberRegistered(this.crypto.blindIndexes(idNumber))) {
			throw new DomainException(VolunteerError.ID_NUMBER_ALREADY_REGISTERED);
		}
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
		volunteer.setCreditHours(BigDecimal.ZERO);
		volunteer.setHonorHours(BigDecimal.ZERO);
		Set<String> skills = normalizeTags(input.skills());
		// Free-text skill tags are shown in the 资源清单: one msgSecCheck for all of them, before the
		// transaction (none when there are none).
		this.content.requirePass(this.access.openidOf(userId), ContentSecurity.Scene.PROFILE, null,
				String.join("、", skills));
		List<String> categories = (input.categories() == null) ? List.of()
				: input.categories().stream().distinct().map(Enum::name).toList();
		try {
			this.tx.executeWithoutResult(status -> {
				this.volunteers.insert(volunteer);
				if (!skills.isEmpty()) {
					this.tags.insertAll(volunteer.getId(), VolunteerTagMapper.SKILL, skills);
				}
				if (!categories.isEmpty()) {
					this.tags.insertAll(volunteer.getId(), VolunteerTagMapper.CATEGORY, categories);
				}
				this.roleGrants.grant(userId, Role.VOLUNTEER, null, null);
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
	record RecordTraining(Long volunteerId, String course, Instant completedAt) {
	}

	Volunteer recordTraining(RecordTraining input) {
		Volunteer volunteer = this.volunteers.selectById(input.volunteerId());
		if (volunteer == null) {
			throw DomainException.notFound("志愿者");
		}
		Actor actor = this.access.requireAdminOver(this.orgs.require(volunteer.getHomeStationId()).path());
		if (input.completedAt().isAfter(Instant.now())) {
			throw DomainException.badRequest("培训完成时间不能晚于现在");
		}
		Training training = new Training();
		training.setVolunteerId(volunteer.getId());
		training.setCourse(input.course().strip());
		training.setCompletedAt(input.completedAt());
		training.setRecordedBy(actor.userId());
		this.tx.executeWithoutResult(status -> {
			this.trainings.insert(training);
			this.volunteers.markTrained(volunteer.getId(), Instant.now());
		});
		return this.volunteers.selectById(volunteer.getId());
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

	/** {@code trained} null lists everyone; true or false only the trained or those waiting for training. */
	Connection<Volunteer> inSubtree(long orgUnitId, Boolean trained, Integer first, String after) {
		Connections.PageRequest page = Connections.page(first, after);
		OrgUnitRef unit = this.orgs.require(orgUnitId);
		this.access.requireAdminOver(unit.path());
		List<Volunteer> rows = this.volunteers.pageInUnits(this.orgs.subtreeIds(unit.path()), trained,
				page.afterId(), page.fetchSize());
		return Connections.of(rows, page, Volunteer::getId);
	}

}
