package cn.wenming.practice.volunteer;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * What a ranking needs of volunteers, by user id, in one query: the home station (for the
 * org scope of a board) and the real name. The name is only for a board that shows it either masked
 * ({@code 张*}) or, when the volunteer opted in, as is; it must not be returned anywhere else.
 */
@Component
public class VolunteerStandings {

	private final VolunteerMapper volunteers;

	VolunteerStandings(VolunteerMapper volunteers) {
		this.volunteers = volunteers;
	}

	/** A volunteer as a board shows them. */
	public record Standing(long userId, long homeStationId, String realName) {
	}

	/** Standings of many users, keyed by user id; users who are not volunteers are absent. */
	public Map<Long, Standing> byUserIds(Collection<Long> userIds) {
		if (userIds.isEmpty()) {
			return Map.of();
		}
		return this.volunteers.findByUserIds(userIds.stream().distinct().toList())
			.stream()
			.collect(Collectors.toMap(Volunteer::getUserId,
					v -> new Standing(v.getUserId(), v.getHomeStationId(), v.getRealName())));
	}

}
