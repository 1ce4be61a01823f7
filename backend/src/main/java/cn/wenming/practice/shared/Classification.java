package cn.wenming.practice.shared;

import graphql.ErrorClassification;

/**
 * Classifications for codes that Spring's {@code ErrorType} names differently: its
 * {@code UNAUTHORIZED} means "not logged in", which sat beside our {@code UNAUTHENTICATED} code and
 * read as a contradiction; here {@code extensions.classification} says the same as {@code code}.
 */
public enum Classification implements ErrorClassification {

	UNAUTHENTICATED, SERVICE_UNAVAILABLE

}
