package cn.wenming.practice.shared;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

/** {@code DateTime} (ISO-8601 with offset, always written in UTC) and {@code Long}. */
final class Scalars {

	static final GraphQLScalarType DATE_TIME = GraphQLScalarType.newScalar()
		.name("DateTime")
		.description("ISO-8601 instant with offset, e.g. 2026-11-23T08:00:00Z")
		.coercing(new Coercing<Instant, String>() {
			@Override
			public String serialize(Object value, GraphQLContext context, Locale locale) {
				if (value instanceof Instant instant) {
					return instant.toString();
				}
				if (value instanceof OffsetDateTime odt) {
					return odt.toInstant().toString();
				}
				throw new CoercingSerializeException("Not a DateTime: " + value.getClass().getSimpleName());
			}

			@Override
			public Instant parseValue(Object input, GraphQLContext context, Locale locale) {
				if (input instanceof String text) {
					return parse(text);
				}
				throw new CoercingParseValueException("DateTime must be an ISO-8601 string");
			}

			@Override
			public Instant parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
					Locale locale) {
				if (input instanceof StringValue text) {
					return parse(text.getValue());
				}
				throw new CoercingParseLiteralException("DateTime must be an ISO-8601 string");
			}

			private Instant parse(String text) {
				try {
					return OffsetDateTime.parse(text).toInstant();
				}
				catch (DateTimeParseException ex) {
					throw new CoercingParseValueException("Invalid DateTime: use ISO-8601 with an offset");
				}
			}
		})
		.build();

	static final GraphQLScalarType LONG = GraphQLScalarType.newScalar()
		.name("Long")
		.description("64-bit integer")
		.coercing(new Coercing<Long, Long>() {
			@Override
			public Long serialize(Object value, GraphQLContext context, Locale locale) {
				if (value instanceof Number number) {
					return number.longValue();
				}
				throw new CoercingSerializeException("Not a Long");
			}

			@Override
			public Long parseValue(Object input, GraphQLContext context, Locale locale) {
				if (input instanceof Number number && number.doubleValue() == number.longValue()) {
					return number.longValue();
				}
				throw new CoercingParseValueException("Long must be an integer");
			}

			@Override
			public Long parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
					Locale locale) {
				if (input instanceof IntValue value) {
					return value.getValue().longValueExact();
				}
				throw new CoercingParseLiteralException("Long must be an integer");
			}
		})
		.build();

	private Scalars() {
	}

}
