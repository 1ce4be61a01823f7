package cn.wenming.practice.auth;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The nicknames users chose, for screens that name a staff member who is not a volunteer (a
 * volunteer is named by the volunteer feature, with their masked real name). Never the phone.
 */
@Component
public class UserNicknames {

	private final AppUserMapper users;

	UserNicknames(AppUserMapper users) {
		this.users = users;
	}

	/** Nicknames by user id, in one query; users without one (or unknown ids) are absent. */
	public Map<Long, String> of(Collection<Long> userIds) {
		Map<Long, String> names = new HashMap<>();
		if (userIds.isEmpty()) {
			return names;
		}
		for (AppUser user : this.users.selectByIds(userIds.stream().distinct().toList())) {
			if (user.getNickname() != null && !user.getNickname().isBlank()) {
				names.put(user.getId(), user.getNickname().strip());
			}
		}
		return names;
	}

}
