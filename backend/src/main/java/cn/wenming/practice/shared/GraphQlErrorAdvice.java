package cn.wenming.practice.shared;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.validation.BindException;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * The one place where exceptions thrown while resolving a field become GraphQL errors. Every
 * error gets a stable {@code extensions.code}; nothing unexpected ever reaches the client
 * beyond a generic message and an error id that is also in the log.
 */
@ControllerAdvice
class GraphQlErrorAdvice {

	private static final Logger log = LoggerFactory.getLogger(GraphQlErrorAdvice.class);

	@GraphQlExceptionHandler
	GraphQLError domain(DomainException ex, DataFetchingEnvironment env) {
		return error(env, ex.code(), ex.getMessage(), Map.of());
	}

	@GraphQlExceptionHandler
	List<GraphQLError> constraintViolations(ConstraintViolationException ex, DataFetchingEnvironment env) {
		return ex.getConstraintViolations().stream().map(violation -> {
			// Checked by the handler itself (ArgumentValidator): the path starts at the argument's value.
			String field = (ex instanceof ArgumentValidator.Violations of) ? of.field(violation) : fieldOf(violation);
			return error(env, CommonError.BAD_REQUEST, field + ": " + violation.getMessage(), Map.of("field", field));
		}).toList();
	}

	/**
	 * An argument that cannot be converted to the handler's type (an {@code ID} that is not a number,
	 * an unknown enum constant) is the client's mistake, not ours.
	 */
	@GraphQlExceptionHandler
	List<GraphQLError> bindingFailures(BindException ex, DataFetchingEnvironment env) {
		if (!ex.hasFieldErrors()) {
			return List.of(error(env, CommonError.BAD_REQUEST, CommonError.BAD_REQUEST.defaultMessage(), Map.of()));
		}
		return ex.getFieldErrors().stream().map(fieldError -> {
			String field = fieldError.getField();
			boolean named = !field.isEmpty() && !"$".equals(field);
			String message = "参数格式不正确" + (named ? ": " + field : "");
			return error(env, CommonError.BAD_REQUEST, message, named ? Map.<String, Object>of("field", field) : Map.of());
		}).toList();
	}

	/**
	 * A lost race on a row lock or version (deadlock victim, lock wait timeout, optimistic lock) is
	 * reported as {@code CONFLICT}: nothing was written and the client may simply retry.
	 */
	@GraphQlExceptionHandler
	GraphQLError concurrencyFailure(ConcurrencyFailureException ex, DataFetchingEnvironment env) {
		log.info("Concurrent update lost at {}: {}", env.getExecutionStepInfo().getPath(), ex.getClass().getSimpleName());
		return error(env, CommonError.CONFLICT, CommonError.CONFLICT.defaultMessage(), Map.of());
	}

	@GraphQlExceptionHandler
	GraphQLError unauthenticated(AuthenticationCredentialsNotFoundException ex, DataFetchingEnvironment env) {
		return error(env, CommonError.UNAUTHENTICATED, CommonError.UNAUTHENTICATED.defaultMessage(), Map.of());
	}

	@GraphQlExceptionHandler
	GraphQLError forbidden(AccessDeniedException ex, DataFetchingEnvironment env) {
		return error(env, CommonError.FORBIDDEN, CommonError.FORBIDDEN.defaultMessage(), Map.of());
	}

	/**
	 * MySQL or Redis unreachable (a restart, a failover): one stable code that says "briefly
	 * unavailable", answered with HTTP 503 and {@code Retry-After} ({@link ServiceUnavailableStatus}),
	 * never {@code INTERNAL_ERROR}, which is kept for bugs. The cause is searched because MyBatis and
	 * the transaction manager wrap the connection failure.
	 */
	@GraphQlExceptionHandler
	GraphQLError unexpected(Throwable ex, DataFetchingEnvironment env) {
		if (isOutage(ex)) {
			log.warn("Service unavailable at {}: {}", env.getExecutionStepInfo().getPath(), outageOf(ex));
			return error(env, CommonError.SERVICE_UNAVAILABLE, CommonError.SERVICE_UNAVAILABLE.defaultMessage(), Map.of());
		}
		return bug(ex, env);
	}

	static boolean isOutage(Throwable ex) {
		return Outages.isOutage(ex);
	}

	private static String outageOf(Throwable ex) {
		return Outages.outageOf(ex);
	}

	private GraphQLError bug(Throwable ex, DataFetchingEnvironment env) {
		String errorId = UUID.randomUUID().toString();
		log.error("Unexpected error {} at {}", errorId, env.getExecutionStepInfo().getPath(), ex);
		return error(env, CommonError.INTERNAL_ERROR, CommonError.INTERNAL_ERROR.defaultMessage() + " (" + errorId + ")",
				Map.of("errorId", errorId));
	}

	/** Strips the method name from a property path: {@code registerVolunteer.input.realName} becomes {@code input.realName}. */
	static String fieldOf(ConstraintViolation<?> violation) {
		String path = violation.getPropertyPath().toString();
		int dot = path.indexOf('.');
		return (dot >= 0) ? path.substring(dot + 1) : path;
	}

	private static GraphQLError error(DataFetchingEnvironment env, ErrorCode code, String message,
			Map<String, Object> extra) {
		var extensions = new java.util.LinkedHashMap<String, Object>();
		extensions.put("code", code.name());
		extensions.putAll(extra);
		return GraphqlErrorBuilder.newError(env)
			.errorType(errorType(code))
			.message(message)
			.extensions(extensions)
			.build();
	}

	private static graphql.ErrorClassification errorType(ErrorCode code) {
		return code.errorType();
	}

}
