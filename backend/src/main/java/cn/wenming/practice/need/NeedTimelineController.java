package cn.wenming.practice.need;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.wenming.practice.volunteer.VolunteerDirectory;

import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code NeedTransition.note} as people read it. A dispatch to a volunteer is stored as
 * {@code 派给志愿者：<user id>} (so a rename shows everywhere, and rows written before names were
 * shown need no migration); the id becomes the volunteer's display name here, by the volunteer
 * feature's masking rules for the caller, for a whole timeline in one lookup. Team dispatches
 * already carry the team's name.
 */
@Controller
class NeedTimelineController {

	static final Pattern DISPATCHED_TO_VOLUNTEER = Pattern.compile("^派给志愿者：(\\d+)$");

	private final VolunteerDirectory volunteers;

	NeedTimelineController(VolunteerDirectory volunteers) {
		this.volunteers = volunteers;
	}

	@BatchMapping(typeName = "NeedTransition")
	Map<NeedHistory, String> note(List<NeedHistory> rows) {
		List<Long> ids = rows.stream().map(NeedTimelineController::dispatchedVolunteer).filter(Objects::nonNull).toList();
		Map<Long, String> names = ids.isEmpty() ? Map.of() : this.volunteers.displayNames(ids);
		// A map (by row identity), not a list: a row without a note has no entry and reads as null.
		Map<NeedHistory, String> notes = new IdentityHashMap<>();
		for (NeedHistory row : rows) {
			Long id = dispatchedVolunteer(row);
			String note = (id == null || names.get(id) == null) ? row.getNote() : "派给志愿者：" + names.get(id);
			if (note != null) {
				notes.put(row, note);
			}
		}
		return notes;
	}

	/**
	 * The volunteer of a dispatch's own row: only that row's note is written by the server. Every
	 * other note is someone's text (a completion note, a rating, a reason) and is shown as written,
	 * even when it looks like {@code 派给志愿者：<id>}: read as a dispatch it would show anyone a
	 * volunteer's name for an id they typed.
	 */
	private static Long dispatchedVolunteer(NeedHistory row) {
		if (row.getToStatus() != NeedStatus.DISPATCHED || row.getNote() == null) {
			return null;
		}
		Matcher matcher = DISPATCHED_TO_VOLUNTEER.matcher(row.getNote());
		return matcher.matches() ? Long.valueOf(matcher.group(1)) : null;
	}

}
