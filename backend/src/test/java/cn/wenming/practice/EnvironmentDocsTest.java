package cn.wenming.practice;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17: {@code docker/.env.example} is complete. Its variables (set or commented out) and the
 * README's environment table name the same set, both ways, and every environment placeholder in
 * {@code application.yml} is among them, so a setting added to the code without the docs (or the
 * other way round) fails the build.
 */
class EnvironmentDocsTest {

	private static final Pattern NAME = Pattern.compile("`([A-Z][A-Z0-9_]*)`");

	@Test
	void envExampleAndReadmeTableNameTheSameVariables() throws IOException {
		Set<String> readme = readmeTable();
		Set<String> example = envExample();
		assertThat(readme).as("README table").hasSizeGreaterThan(20);
		assertThat(difference(readme, example)).as("in the README's table but not in docker/.env.example").isEmpty();
		assertThat(difference(example, readme)).as("in docker/.env.example but not in the README's table").isEmpty();
	}

	@Test
	void everyEnvironmentPlaceholderOfTheApplicationIsDocumented() throws IOException {
		String yaml = Files.readString(Path.of("src/main/resources/application.yml"));
		Set<String> placeholders = new TreeSet<>();
		Matcher placeholder = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]").matcher(yaml);
		while (placeholder.find()) {
			placeholders.add(placeholder.group(1));
		}
		assertThat(placeholders).contains("APP_JWT_SECRET", "MANAGEMENT_SERVER_PORT");
		assertThat(difference(placeholders, envExample())).as("read by application.yml, missing in docker/.env.example")
			.isEmpty();
	}

	/** The first column of the table under "| variable | required | meaning |": full names in backticks. */
	static Set<String> readmeTable() throws IOException {
		String readme = Files.readString(Path.of("../README.md"));
		int start = readme.indexOf("| variable | required | meaning |");
		assertThat(start).as("the README's environment table").isPositive();
		int end = readme.indexOf("\n\n", start);
		Set<String> names = new TreeSet<>();
		for (String row : readme.substring(start, (end < 0) ? readme.length() : end).split("\n")) {
			String[] cells = row.split("\\s\\|\\s");
			if (cells.length < 3 || row.startsWith("|---")) {
				continue;
			}
			Matcher name = NAME.matcher(cells[0]);
			while (name.find()) {
				names.add(name.group(1));
			}
		}
		return names;
	}

	/** Every {@code NAME=} line of docker/.env.example, set or commented out. */
	static Set<String> envExample() throws IOException {
		Set<String> names = new TreeSet<>();
		for (String line : Files.readAllLines(Path.of("../docker/.env.example"))) {
			Matcher name = Pattern.compile("^#?\\s*([A-Z][A-Z0-9_]*)=").matcher(line);
			if (name.find()) {
				names.add(name.group(1));
			}
		}
		return names;
	}

	private static Set<String> difference(Set<String> a, Set<String> b) {
		Set<String> rest = new TreeSet<>(a);
		rest.removeAll(b);
		return rest;
	}

}
