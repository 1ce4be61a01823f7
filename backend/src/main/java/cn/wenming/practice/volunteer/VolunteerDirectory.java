package cn.wenming.practice.volunteer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.wenming.practice.auth.AccessControl;
import cn.wenming.practice.auth.Actor;
import cn.wenming.practice.auth.UserNicknames;
import cn.wenming.practice.org.OrgDirectory;
import cn.wenming.practice.shared.DomainException;

import org.springframework.stereotype.Component;

/**
 * Read access to volunteers for other features (teams, activities, hours). Returns only
 * {@link VolunteerRef} (for rules) and {@link VolunteerProfile} (for public display): never the
 * ID number or real name.
 */
@Component
public class VolunteerDirectory {

	private final VolunteerMapper volunteers;

	private final HonorHoursMapper honorHours;

	private final VolunteerTagMapper tags;

	private final OrgDirectory orgs;

	private final AccessControl access;

	private final UserNicknames nicknames;

	VolunteerDirectory(VolunteerMapper volunteers, HonorHoursMapper honorHours, VolunteerTagMapper tags,
			OrgDirectory orgs, AccessControl access, UserNicknames nicknames) {
		this.nicknames = nicknames;
		this.volunteers = volunteers;
		this.tags = tags;
		this.honorHours = honorHours;
		this.orgs = orgs;
		this.access = access;
	}

	/**
	 * The volunteer, when the caller may see their private records (hours history, certificates):
	 * the volunteer themselves or an admin covering their home station. Anyone else gets
	 * {@code FORBIDDEN}, also for an unknown id (so ids cannot be probed); an admin asking for an
	 * unknown id gets {@code NOT_FOUND}.
	 */
	public VolunteerRef requireReadable(long volunteerId) {
		Actor actor = this.access.requireActor();
		Volunteer volunteer = this.volunteers.selectById(volunteerId);
		if (volunteer == null) {
			throw actor.isAnyAdmin() ? DomainException.notFound("志愿者") : DomainException.forbidden();
		}
		if (volunteer.getUserId() != actor.userId()
				&& !actor.isAdminOver(this.orgs.require(volunteer.getHomeStationId()).path())) {
			throw DomainException.forbidden();
		}
		return volunteer.toRef();
	}

	/**
	 * Who a service-record certificate is issued to, with the real name: only for documents that
	 * go to the volunteer themselves or the admins covering them (see {@link #requireReadable}).
	 */
	public CertificateHolder certificateHolder(long volunteerId) {
		Volunteer volunteer = this.volunteers.selectById(volunteerId);
		if (volunteer == null) {
			throw DomainException.notFound("志愿者");
		}
		return new CertificateHolder(volunteer.getId(), volunteer.getRealName(),
				cn.wenming.practice.shared.Masking.name(volunteer.getRealName()), volunteer.getHomeStationId());
	}

	/** A certificate's holder: real name (printed on the PDF) and masked name (shown on verification). */
	public record CertificateHolder(long volunteerId, String realName, String maskedName, long homeStationId) {
	}

	/** Approved honor hours (补录) of a volunteer with a service date in [{@code from}, {@code to}), by date. */
	public List<HonorHoursEntry> honorHoursBetween(long volunteerId, java.time.LocalDate from, java.time.LocalDate to) {
		return this.honorHours.approvedBetween(volunteerId, from, to)
			.stream()
			.map(row -> new HonorHoursEntry(row.getServiceDate(), row.getHours(), row.getReason()))
			.toList();
	}

	/** One honor-hours record as a certificate lists it. */
	public record HonorHoursEntry(java.time.LocalDate serviceDate, java.math.BigDecimal hours, String reason) {
	}

	public Optional<VolunteerRef> findByUserId(long userId) {
		return Optional.ofNullable(this.volunteers.findByUserId(userId)).map(Volunteer::toRef);
	}

	/** The user's volunteer record, or {@code VOLUNTEER_REQUIRED} (请先注册为志愿者). */
	public VolunteerRef requireByUserId(long userId) {
		return findByUserId(userId).orElseThrow(() -> new DomainException(VolunteerError.VOLUNTEER_REQUIRED));
	}

	/** Many volunteers in one query, keyed by volunteer id; missing ids are absent. */
	public Map<Long, VolunteerRef> findAll(Collection<Long> ids) {
		return this.volunteers.findByIds(ids.stream().distinct().toList())
			.stream()
			.map(Volunteer::toRef)
			.collect(Collectors.toMap(VolunteerRef::id, Function.identity()));
	}

	/**
	 * A page (by id, after {@code afterId}) of the volunteers based in the units whose credited total
	 * is at least {@code minHours}.
	 */
	public List<VolunteerRef> withCreditHoursAtLeast(Collection<Long> unitIds, java.math.BigDecimal minHours,
			Long afterId, int limit) {
		if (unitIds.isEmpty()) {
			return List.of();
		}
		return this.volunteers.withCreditHoursAtLeast(unitIds, minHours, afterId, limit)
			.stream()
			.map(Volunteer::toRef)
			.toList();
	}

	/** Public profiles of many volunteers in one query, keyed by volunteer id. */
	public Map<Long, VolunteerProfile> profiles(Collection<Long> ids) {
		return this.volunteers.findByIds(ids.stream().distinct().toList())
			.stream()
			.map(Volunteer::toProfile)
			.collect(Collectors.toMap(VolunteerProfile::id, Function.identity()));
	}

	/** Public profiles of many volunteers in one query, keyed by their user id. */
	public Map<Long, VolunteerProfile> profilesByUserId(Collection<Long> userIds) {
		return this.volunteers.findByUserIds(userIds.stream().distinct().toList())
			.stream()
			.collect(Collectors.toMap(Volunteer::getUserId, Volunteer::toProfile));
	}

	/**
	 * The trained volunteers whose home station is one of the units, with their tags (skills and
	 * service categories, by kind then value), by id: two statements however many units and
	 * volunteers.
	 */
	public List<TaggedVolunteer> trainedInUnits(Collection<Long> unitIds) {
		if (unitIds.isEmpty()) {
			return List.of();
		}
		List<Volunteer> found = this.volunteers.trainedInUnits(unitIds);
		if (found.isEmpty()) {
			return List.of();
		}
		Map<Long, List<String>> tagsByVolunteer = new HashMap<>();
		for (VolunteerTagMapper.TagRow tag : this.tags
			.findByVolunteers(found.stream().map(Volunteer::getId).toList())) {
			tagsByVolunteer.computeIfAbsent(tag.volunteerId, id -> new ArrayList<>()).add(tag.value);
		}
		return found.stream()
			.map(volunteer -> new TaggedVolunteer(volunteer.getUserId(), volunteer.toProfile(),
					List.copyOf(tagsByVolunteer.getOrDefault(volunteer.getId(), List.of()))))
			.toList();
	}

	/** A volunteer's public profile with their user id and the values of their tags. */
	public record TaggedVolunteer(long userId, VolunteerProfile profile, List<String> tags) {
	}

	/**
	 * The resources list (资源清单): public profiles of volunteers whose home station lies in the
	 * subtree at {@code subtreePath}, with a skill containing {@code skill} and/or the given
	 * category (either may be null), most credited hours first.
	 */
	public List<VolunteerProfile> search(String subtreePath, String skill, ServiceCategory category, int limit) {
		return this.volunteers
			.search(this.orgs.subtreeIds(subtreePath), likeContains(skill), (category != null) ? category.name() : null, limit)
			.stream()
			.map(Volunteer::toProfile)
			.toList();
	}

	/**
	 * How staff screens name users (补录人, 兑换人, 参与者, 操作人), by user id, for the caller: a
	 * volunteer by their real name to themself and to the admins covering their home station (who
	 * see it in the volunteer list anyway) and masked ({@code 张*}) to everyone else; a user who is
	 * no volunteer (typically staff) by their nickname, else as {@code 用户 <id>}. Two queries for
	 * any number of ids, plus one for the home stations' paths.
	 */
	public Map<Long, String> displayNames(Collection<Long> userIds) {
		List<Long> ids = userIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
		Map<Long, String> names = new HashMap<>();
		if (ids.isEmpty()) {
			return names;
		}
		Actor viewer = this.access.currentActor();
		List<Volunteer> found = this.volunteers.findByUserIds(ids);
		Map<Long, cn.wenming.practice.org.OrgUnitRef> stations = found.isEmpty() ? Map.of()
				: this.orgs.findAll(found.stream().map(Volunteer::getHomeStationId).distinct().toList());
		for (Volunteer volunteer : found) {
			cn.wenming.practice.org.OrgUnitRef station = stations.get(volunteer.getHomeStationId());
			boolean full = viewer != null && (viewer.userId() == volunteer.getUserId()
					|| (station != null && viewer.isAdminOver(station.path())));
			names.put(volunteer.getUserId(), full ? volunteer.getRealName()
					: cn.wenming.practice.shared.Masking.name(volunteer.getRealName()));
		}
		List<Long> others = ids.stream().filter(id -> !names.containsKey(id)).toList();
		Map<Long, String> nicknamed = this.nicknames.of(others);
		others.forEach(id -> names.put(id, nicknamed.getOrDefault(id, "用户 " + id)));
		return names;
	}

	/** {@code %skill%} with LIKE wildcards escaped by {@code !}; null for no filter. */
	public static String likeContains(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String escaped = text.strip().replace("!", "!!").replace("%", "!%").replace("_", "!_");
		return "%" + escaped + "%";
	}

}
