package cn.wenming.practice.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The staff console's QR login: the console's two calls and the scanning admin's two. */
@Controller
class ConsoleLoginController {

	private final ConsoleLogins logins;

	ConsoleLoginController(ConsoleLogins logins) {
		this.logins = logins;
	}

	@MutationMapping
	ConsoleLogins.Ticket createConsoleLoginTicket(@ContextValue(ConsoleClientInfo.CLIENT_IP) String ip,
			@ContextValue(ConsoleClientInfo.USER_AGENT) String userAgent) {
		return this.logins.create(ip, userAgent);
	}

	@MutationMapping
	ConsoleLogins.Poll pollConsoleLoginTicket(@Argument @NotBlank @Size(max = 200) String ticketId,
			@Argument @NotBlank @Size(max = 200) String pollSecret) {
		return this.logins.poll(ticketId, pollSecret);
	}

	@QueryMapping
	ConsoleLogins.Request describeConsoleLoginTicket(@Argument @NotBlank @Size(max = 400) String code) {
		return this.logins.describe(code);
	}

	@MutationMapping
	boolean confirmConsoleLoginTicket(@Argument @NotBlank @Size(max = 400) String code) {
		return this.logins.confirm(code);
	}

}
