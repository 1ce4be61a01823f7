package cn.wenming.practice.testinfra;

import java.util.List;
import java.util.Map;

import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on GraphQL errors by their stable {@code extensions.code}. */
public final class ApiErrors {

	private ApiErrors() {
	}

	/** Asserts the response has errors, all with {@code code}, and returns them. */
	public static List<ResponseError> expectCode(GraphQlTester.Response response, String code) {
		List<ResponseError> captured = new java.util.ArrayList<>();
		response.errors().satisfy(errors -> {
			assertThat(errors).as("errors").isNotEmpty();
			assertThat(errors).allSatisfy(error -> assertThat(error.getExtensions()).as(error.getMessage())
				.containsEntry("code", code));
			captured.addAll(errors);
		});
		return captured;
	}

	/** Asserts a {@code BAD_REQUEST} naming {@code field} in {@code extensions.field}. */
	public static void expectBadField(GraphQlTester.Response response, String field) {
		List<ResponseError> errors = expectCode(response, "BAD_REQUEST");
		assertThat(errors).extracting(ResponseError::getExtensions)
			.extracting(extensions -> (Object) ((Map<String, Object>) extensions).get("field"))
			.contains(field);
	}

	/** The code of the first error, or null when the response has none. */
	public static String codeOf(GraphQlTester.Response response) {
		String[] code = new String[1];
		response.errors().satisfy(errors -> {
			if (!errors.isEmpty()) {
				code[0] = (String) errors.get(0).getExtensions().get("code");
			}
		});
		return code[0];
	}

}
