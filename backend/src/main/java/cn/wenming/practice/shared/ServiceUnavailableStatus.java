package cn.wenming.practice.shared;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * A response that carries {@code SERVICE_UNAVAILABLE} (MySQL or Redis unreachable) is answered
 * with HTTP 503 and {@code Retry-After}, the same way {@code AuthenticationFirst} answers 401: the
 * status tells proxies, monitors and the clients' retry logic what happened. The body is the error
 * alone ({@link GraphQlHttpErrorAttributes}); partial data is dropped, since the client retries the
 * whole request anyway.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ServiceUnavailableStatus implements WebGraphQlInterceptor {

	/** Seconds; a MySQL restart or a Redis failover takes about this long. */
	static final String RETRY_AFTER = "5";

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return chain.next(request).flatMap(response -> {
			boolean outage = response.getErrors()
				.stream()
				.anyMatch(e -> CommonError.SERVICE_UNAVAILABLE.name().equals(e.getExtensions().get("code")));
			if (!outage) {
				return Mono.just(response);
			}
			HttpHeaders headers = new HttpHeaders();
			headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER);
			return Mono.error(new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
					CommonError.SERVICE_UNAVAILABLE.defaultMessage(), null) {
				@Override
				public HttpHeaders getHeaders() {
					return headers;
				}
			});
		});
	}

}
