package cn.wenming.practice.volunteer;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import cn.wenming.practice.auth.RoleEvent;

import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/**
 * Names on auth's 角色变更记录: auth cannot know who is a volunteer, so the names come from here,
 * through {@link VolunteerDirectory#displayNames} — one batch for a page of events.
 */
@Controller
class RoleEventNamesController {

	private final VolunteerDirectory directory;

	RoleEventNamesController(VolunteerDirectory directory) {
		this.directory = directory;
	}

	@BatchMapping(typeName = "RoleEvent")
	List<String> userName(List<RoleEvent> events) {
		Map<Long, String> names = namesOf(events);
		return events.stream().map(event -> names.get(event.getUserId())).toList();
	}

	@BatchMapping(typeName = "RoleEvent")
	List<String> actorName(List<RoleEvent> events) {
		Map<Long, String> names = namesOf(events);
		return events.stream()
			.map(event -> (event.getActorUserId() == null) ? null : names.get(event.getActorUserId()))
			.toList();
	}

	private Map<Long, String> namesOf(List<RoleEvent> events) {
		return this.directory.displayNames(events.stream()
			.flatMap(event -> Stream.of(event.getUserId(), event.getActorUserId()))
			.filter(Objects::nonNull)
			.distinct()
			.toList());
	}

}
