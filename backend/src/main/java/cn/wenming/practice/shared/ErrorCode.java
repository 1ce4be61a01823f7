package cn.wenming.practice.shared;

import graphql.ErrorClassification;

import org.springframework.graphql.execution.ErrorType;

/**
 * A stable error code of the API, sent as {@code extensions.code} (the constant's name). Each module
 * declares its codes in one enum implementing this interface ({@code CommonError} here for the codes
 * every module may answer); {@code ErrorCodesTest} checks that the names are unique across modules and
 * that the README's error table lists every one of them.
 */
public interface ErrorCode {

	/** The code sent to clients; enum constants supply it. */
	String name();

	/** A message for people, in Chinese, safe to show. */
	String defaultMessage();

	/**
	 * How GraphQL classifies the error ({@code errors[].extensions.classification}); must not
	 * contradict the code (see {@link Classification}).
	 */
	default ErrorClassification errorType() {
		return ErrorType.BAD_REQUEST;
	}

}
