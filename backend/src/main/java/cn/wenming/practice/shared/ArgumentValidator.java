package cn.wenming.practice.shared;

import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import org.springframework.stereotype.Component;

/**
 * Bean Validation of a GraphQL argument when the handler decides, instead of {@code @Valid} before
 * the handler runs: the corrections of recorded evaluations check the caller's rights first, so a
 * caller without them gets {@code FORBIDDEN} whatever they send and learns nothing from what is wrong
 * with it. The violations answer as {@code @Valid}'s do ({@code BAD_REQUEST}, the field named from the
 * argument, e.g. {@code input.reason}).
 */
@Component
public class ArgumentValidator {

	private final Validator validator;

	ArgumentValidator(Validator validator) {
		this.validator = validator;
	}

	/** Throws {@link Violations} (BAD_REQUEST per field) when {@code value} breaks its constraints. */
	public void validate(String argument, Object value) {
		Set<ConstraintViolation<Object>> violations = this.validator.validate(value);
		if (!violations.isEmpty()) {
			throw new Violations(argument, violations);
		}
	}

	/** The violations of one argument; {@link GraphQlErrorAdvice} names each field below it. */
	static final class Violations extends ConstraintViolationException {

		private final String argument;

		Violations(String argument, Set<? extends ConstraintViolation<?>> violations) {
			super(violations);
			this.argument = argument;
		}

		String field(ConstraintViolation<?> violation) {
			String path = violation.getPropertyPath().toString();
			return path.isEmpty() ? this.argument : this.argument + "." + path;
		}

	}

}
