package cn.wenming.practice.shared;

import java.util.List;
import java.util.Map;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * Requests that never reach GraphQL execution (a body that is not JSON, {@code variables} that are
 * not an object) are refused by the HTTP layer and rendered by Spring Boot's error page. For the
 * GraphQL endpoint that page also carries GraphQL's {@code errors} shape with a stable
 * {@code extensions.code}, so a client handles these like every other error.
 */
@Component
class GraphQlHttpErrorAttributes extends DefaultErrorAttributes {

	private static final String GRAPHQL_PATH = "/graphql";

	@Override
	public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
		Map<String, Object> attributes = super.getErrorAttributes(request, options);
		Object path = request.getAttribute("jakarta.servlet.error.request_uri", RequestAttributes.SCOPE_REQUEST);
		if (GRAPHQL_PATH.equals(path) && attributes.get("status") instanceof Integer status) {
			ErrorCode code = switch (status) {
				case 401 -> CommonError.UNAUTHENTICATED;
				case 429 -> CommonError.RATE_LIMITED;
				case 503 -> CommonError.SERVICE_UNAVAILABLE;
				default -> (status >= 500) ? CommonError.INTERNAL_ERROR : CommonError.BAD_REQUEST;
			};
			String message = (code == CommonError.BAD_REQUEST) ? "请求格式不正确：需要 JSON 对象 {query, variables, operationName}"
					: code.defaultMessage();
			attributes.put("errors", List.of(Map.of("message", message, "extensions", Map.of("code", code.name()))));
		}
		return attributes;
	}

}
