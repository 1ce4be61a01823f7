package cn.wenming.practice;

import java.util.Map;

import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

/**
 * The local run's developer shortcut into the staff console: {@code /console/?dev=admin} posts here
 * and gets the session of the WeChat stub's user {@code dev-admin} (the demo county's center admin),
 * without scanning a QR code. It only logs in through the stub's {@code wxLogin}, as the
 * mini-program would. Test sources and the {@code local} profile: the production jar has no such
 * endpoint (ProductionJarIT checks).
 */
@RestController
@Profile("local")
class LocalConsoleLogin {

	private final Environment environment;

	LocalConsoleLogin(Environment environment) {
		this.environment = environment;
	}

	record DevLogin(String code) {
	}

	@PostMapping(path = "/dev/console-login", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Object> login(@RequestBody DevLogin request) {
		String code = (request.code() == null || request.code().isBlank()) ? "admin" : request.code();
		if (!code.matches("[A-Za-z0-9_-]{1,32}")) {
			return ResponseEntity.badRequest().build();
		}
		String port = this.environment.getProperty("local.server.port", "8080");
		Map<?, ?> body = RestClient.create("http://127.0.0.1:" + port + "/graphql")
			.post()
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("query",
					"mutation($code: String!) { wxLogin(code: $code) { accessToken refreshToken user { id nickname roles roleGrants { role orgUnitId } coversWholeDeployment } } }",
					"variables", Map.of("code", code)))
			.retrieve()
			.body(Map.class);
		Object data = (body == null) ? null : body.get("data");
		if (!(data instanceof Map<?, ?> map) || map.get("wxLogin") == null) {
			return ResponseEntity.status(502).body(body);
		}
		return ResponseEntity.ok(map.get("wxLogin"));
	}

}
