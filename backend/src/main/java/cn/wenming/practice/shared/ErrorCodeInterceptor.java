package cn.wenming.practice.shared;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import reactor.core.publisher.Mono;

import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Errors raised by graphql-java itself (syntax, validation, coercion, aborted by depth or
 * complexity limits) never pass through {@link GraphQlErrorAdvice}; this gives them a stable
 * {@code extensions.code} too, so a client can rely on the field being present on every error.
 */
@Component
class ErrorCodeInterceptor implements WebGraphQlInterceptor {

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return chain.next(request).map(response -> {
			List<ResponseError> errors = response.getErrors();
			if (errors.isEmpty() || errors.stream().allMatch(e -> e.getExtensions().get("code") instanceof String)) {
				return response;
			}
			List<GraphQLError> coded = errors.stream().map(ErrorCodeInterceptor::withCode).toList();
			return response.transform(builder -> builder.errors(coded));
		});
	}

	private static GraphQLError withCode(ResponseError error) {
		Map<String, Object> extensions = new LinkedHashMap<>(error.getExtensions());
		String message = error.getMessage();
		if (!(extensions.get("code") instanceof String)) {
			ErrorCode code = codeFor(error.getErrorType(), message);
			extensions.put("code", code.name());
			if (code == CommonError.INTERNAL_ERROR) {
				message = code.defaultMessage();
			}
		}
		return GraphqlErrorBuilder.newError()
			.message(message)
			.locations(error.getLocations())
			.path(error.getParsedPath())
			.errorType(error.getErrorType())
			.extensions(extensions)
			.build();
	}

	private static ErrorCode codeFor(ErrorClassification type, String message) {
		if (type == ErrorType.ExecutionAborted || (message != null && message.contains("maximum query"))) {
			return CommonError.QUERY_TOO_COMPLEX;
		}
		if (type == ErrorType.InvalidSyntax || type == ErrorType.ValidationError || type == ErrorType.OperationNotSupported
				|| "IntrospectionDisabled".equals(String.valueOf(type))) {
			return CommonError.BAD_REQUEST;
		}
		if (type == org.springframework.graphql.execution.ErrorType.UNAUTHORIZED) {
			return CommonError.UNAUTHENTICATED;
		}
		if (type == org.springframework.graphql.execution.ErrorType.FORBIDDEN) {
			return CommonError.FORBIDDEN;
		}
		if (type == org.springframework.graphql.execution.ErrorType.BAD_REQUEST) {
			return CommonError.BAD_REQUEST;
		}
		return CommonError.INTERNAL_ERROR;
	}

}
