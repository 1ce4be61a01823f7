package cn.wenming.practice.auth;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.wenming.practice.shared.RateLimiter;
import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import reactor.core.publisher.Mono;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code wxLogin} per client address: a token bucket in Redis ({@code app.auth.login-rate-limit},
 * default 10 at once, refilled over a minute). Every code we pass on counts against the
 * mini-program's WeChat quota; a flood of junk codes from one address would otherwise make WeChat
 * rate-limit the whole mini-program (45011) and lock every resident out. Refused before execution
 * with HTTP 429, {@code Retry-After} and {@code RATE_LIMITED}; other addresses are unaffected.
 * Behind a reverse proxy the address is the proxy's {@code X-Forwarded-For}
 * ({@code SERVER_FORWARD_HEADERS_STRATEGY=native}). Redis down: allowed (see {@link RateLimiter}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class LoginRateLimit implements WebGraphQlInterceptor {

	static final String PREFIX = "auth:login-rate:";

	private static final String LOGIN = "wxLogin";

	private final RateLimiter limiter;

	private final LoginRateLimitProperties properties;

	LoginRateLimit(RateLimiter limiter, LoginRateLimitProperties properties) {
		this.limiter = limiter;
		this.properties = properties;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		if (selectsLogin(request)) {
			InetSocketAddress remote = request.getRemoteAddress();
			String ip = (remote == null || remote.getAddress() == null) ? "unknown"
					: remote.getAddress().getHostAddress();
			Duration wait = this.limiter.take(PREFIX + ip,
					new RateLimiter.Bucket(this.properties.capacity(), this.properties.refillPeriod()));
			if (!wait.isZero()) {
				this.limiter.refused("login");
				HttpHeaders headers = new HttpHeaders();
				headers.set(HttpHeaders.RETRY_AFTER, Long.toString(RateLimiter.retryAfterSeconds(wait)));
				throw new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS, "请求过于频繁，请稍后重试", null) {
					@Override
					public HttpHeaders getHeaders() {
						return headers;
					}
				};
			}
		}
		return chain.next(request);
	}

	/** Whether the operation that will run selects {@code wxLogin} at its root (cheap text test first). */
	private static boolean selectsLogin(WebGraphQlRequest request) {
		String text = request.getDocument();
		if (text == null || !text.contains(LOGIN)) {
			return false;
		}
		Document document;
		try {
			document = Parser.parse(text);
		}
		catch (InvalidSyntaxException | IllegalArgumentException ex) {
			return false;
		}
		List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
		OperationDefinition operation = AuthenticationFirst.chosen(operations, request.getOperationName());
		if (operation == null) {
			return false;
		}
		Map<String, FragmentDefinition> fragments = document.getDefinitionsOfType(FragmentDefinition.class)
			.stream()
			.collect(Collectors.toMap(FragmentDefinition::getName, f -> f, (a, b) -> a));
		return AuthenticationFirst.rootFieldNames(operation.getSelectionSet(), fragments).contains(LOGIN);
	}

	/** {@code app.auth.login-rate-limit}: logins per client address, {@code capacity} at once, refilled over {@code refillPeriod}. */
	@Validated
	@ConfigurationProperties("app.auth.login-rate-limit")
	record LoginRateLimitProperties(@Min(1) @DefaultValue("10") int capacity,
			@NotNull @DefaultValue("1m") Duration refillPeriod) {
	}

}
