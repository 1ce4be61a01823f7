package cn.wenming.practice.shared;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
		ErrorClassification type = error.getErrorType();
		if (!(extensions.get("code") instanceof String)) {
			ErrorCode code = codeFor(type, message);
			extensions.put("code", code.name());
			if (code == CommonError.INTERNAL_ERROR) {
				message = code.defaultMessage();
			}
			else if (isGraphQlJava(type)) {
				// graphql-java's own texts are English and name internals; a Chinese message, the field when known.
				String field = fieldOf(message);
				if (field != null) {
					extensions.put("field", field);
				}
				message = chineseMessage(type, message, field);
			}
			if (code == CommonError.UNAUTHENTICATED || isBadFaithIntrospection(type)) {
				type = code.errorType();
				extensions.put("classification", String.valueOf(type));
			}
		}
		return GraphqlErrorBuilder.newError()
			.message(message)
			.locations(error.getLocations())
			.path(error.getParsedPath())
			.errorType(type)
			.extensions(extensions)
			.build();
	}

	private static ErrorCode codeFor(ErrorClassification type, String message) {
		if (type == ErrorType.ExecutionAborted || isBadFaithIntrospection(type)
				|| (message != null && message.contains("maximum query"))) {
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

	/** graphql-java's "the introspection query is not in good faith" (a field selected too often, too deep). */
	private static boolean isBadFaithIntrospection(ErrorClassification type) {
		return "BadFaithIntrospection".equals(String.valueOf(type));
	}

	private static boolean isGraphQlJava(ErrorClassification type) {
		return type instanceof ErrorType || isBadFaithIntrospection(type)
				|| "IntrospectionDisabled".equals(String.valueOf(type));
	}

	private static final Pattern VALIDATION = Pattern.compile("Validation error \\((\\w+)@\\[([^\\]]*)\\]\\)");

	private static final Pattern ARGUMENT = Pattern.compile("argument '(\\w+)'");

	private static final Pattern VARIABLE = Pattern.compile("^Variable '(\\w+)'");

	private static final Pattern FIELD = Pattern.compile("Field '(\\w+)'");

	/** The argument, variable or field a graphql-java message is about, or null. */
	static String fieldOf(String message) {
		if (message == null) {
			return null;
		}
		Matcher variable = VARIABLE.matcher(message);
		if (variable.find()) {
			return variable.group(1);
		}
		Matcher argument = ARGUMENT.matcher(message);
		if (argument.find()) {
			return argument.group(1);
		}
		Matcher named = FIELD.matcher(message);
		if (named.find()) {
			return named.group(1);
		}
		Matcher validation = VALIDATION.matcher(message);
		if (validation.find() && !validation.group(2).isEmpty()) {
			String path = validation.group(2);
			return path.substring(path.lastIndexOf('/') + 1);
		}
		return null;
	}

	static String chineseMessage(ErrorClassification type, String message, String field) {
		String suffix = (field != null) ? "：" + field : "";
		if (type == ErrorType.InvalidSyntax) {
			return "查询语法错误";
		}
		if (isBadFaithIntrospection(type)) {
			return "内省查询过于复杂或重复选择了字段";
		}
		if ("IntrospectionDisabled".equals(String.valueOf(type))) {
			return "本服务未开放内省查询";
		}
		if (type == ErrorType.ExecutionAborted || (message != null && message.contains("maximum query"))) {
			return CommonError.QUERY_TOO_COMPLEX.defaultMessage();
		}
		if (type == ErrorType.OperationNotSupported) {
			return "不支持该操作类型";
		}
		Matcher validation = (message != null) ? VALIDATION.matcher(message) : null;
		String kind = (validation != null && validation.find()) ? validation.group(1) : "";
		if (message != null && message.startsWith("Variable '")) {
			return "变量的值不正确" + suffix;
		}
		return switch (kind) {
			case "FieldUndefined" -> "查询了不存在的字段" + suffix;
			case "UnknownArgument" -> "未知参数" + suffix;
			case "MissingFieldArgument", "NonNullInputObjectField" -> "缺少必填参数" + suffix;
			case "WrongType" -> "参数类型不正确" + suffix;
			case "UnknownType" -> "未知类型" + suffix;
			case "SubselectionRequired" -> "该字段需要选择子字段" + suffix;
			case "SubselectionNotAllowed" -> "该字段不能选择子字段" + suffix;
			case "UndefinedVariable", "UnusedVariable", "VariableTypeMismatch" -> "查询中的变量不正确" + suffix;
			default -> "查询不符合接口定义" + suffix;
		};
	}

}
