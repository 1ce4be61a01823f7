package cn.wenming.practice.auth;

import java.net.InetSocketAddress;

import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Puts the caller's IP address and User-Agent into the GraphQL context, where the console login
 * reads them to show the scanning admin which browser asks to log in. The address is the
 * connection's; behind a reverse proxy set {@code SERVER_FORWARD_HEADERS_STRATEGY=native} so that
 * it is the proxy's {@code X-Forwarded-For} (docs/design.md).
 */
@Component
class ConsoleClientInfo implements WebGraphQlInterceptor {

	static final String CLIENT_IP = "clientIp";

	static final String USER_AGENT = "userAgent";

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		InetSocketAddress remote = request.getRemoteAddress();
		String ip = (remote == null || remote.getAddress() == null) ? "unknown" : remote.getAddress().getHostAddress();
		String userAgent = request.getHeaders().getFirst("User-Agent");
		request.configureExecutionInput((input, builder) -> builder
			.graphQLContext(context -> context.put(CLIENT_IP, ip).put(USER_AGENT, (userAgent == null) ? "" : userAgent))
			.build());
		return chain.next(request);
	}

}
