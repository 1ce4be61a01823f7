package cn.wenming.practice.volunteer;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.wenming.practice.shared.DomainException;
import cn.wenming.practice.shared.ErrorCode;

import org.springframework.stereotype.Component;

/**
 * Read access to volunteers for other features (teams, activities, hours). Returns only
 * {@link VolunteerRef} (for rules) and {@link VolunteerProfile} (for public display): never the
 * ID number or real name.
 */
@Component
public class VolunteerDirectory {

	private final VolunteerMapper volunteers;

	VolunteerDirectory(VolunteerMapper volunteers) {
		this.volunteers = volunteers;
	}

	public Optional<VolunteerRef> findByUserId(long userId) {
		return Optional.ofNullable(this.volunteers.findByUserId(userId)).map(Volunteer::toRef);
	}

	/** The user's volunteer record, or {@code VOLUNTEER_REQUIRED} (请先注册为志愿者). */
	public VolunteerRef requireByUserId(long userId) {
		return findByUserId(userId).orElseThrow(() -> new DomainException(ErrorCode.VOLUNTEER_REQUIRED));
	}

	/** Many volunteers in one query, keyed by volunteer id; missing ids are absent. */
	public Map<Long, VolunteerRef> findAll(Collection<Long> ids) {
		return this.volunteers.findByIds(ids.stream().distinct().toList())
			.stream()
			.map(Volunteer::toRef)
			.collect(Collectors.toMap(VolunteerRef::id, Function.identity()));
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
	 * The resources list (资源清单): public profiles of volunteers whose home station lies in the
	 * subtree at {@code subtreePath}, with a skill containing {@code skill} and/or the given
	 * category (either may be null), most credited hours first.
	 */
	public List<VolunteerProfile> search(String subtreePath, String skill, ServiceCategory category, int limit) {
		return this.volunteers
			.search(subtreePath, likeContains(skill), (category != null) ? category.name() : null, limit)
			.stream()
			.map(Volunteer::toProfile)
			.toList();
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
