package cn.wenming.practice.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import cn.wenming.practice.shared.ContentSecurity;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code setNickname}: what a user who is no volunteer (typically staff) is called on other people's
 * screens — the ledger's 操作人, the 补录人, the console's header — instead of 「用户 id」. It is shown to
 * volunteers too, so it passes WeChat's content check before it is stored.
 */
@Controller
class NicknameController {

	private final AccessControl access;

	private final AppUserMapper users;

	private final ContentSecurity content;

	NicknameController(AccessControl access, AppUserMapper users, ContentSecurity content) {
		this.access = access;
		this.users = users;
		this.content = content;
	}

	@MutationMapping
	AppUser setNickname(@Argument @NotBlank @Size(max = 20) String nickname) {
		long userId = this.access.requireUserId();
		String name = nickname.strip();
		this.content.requirePass(this.access.openidOf(userId), ContentSecurity.Scene.PROFILE, null, name);
		AppUser update = new AppUser();
		update.setId(userId);
		update.setNickname(name);
		this.users.updateById(update);
		return this.users.selectById(userId);
	}

}
