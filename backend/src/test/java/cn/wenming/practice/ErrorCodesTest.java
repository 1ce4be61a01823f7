package cn.wenming.practice;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.wenming.practice.shared.ErrorCode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Error codes live with their modules, one enum per module behind {@link ErrorCode}. Clients switch on
 * the names alone, so a name must mean one thing across all modules, and the README's error table
 * (what client developers read) must list exactly the codes the server can answer.
 */
class ErrorCodesTest {

	private static final Pattern TABLE_ROW = Pattern.compile("^\\| (`[A-Z_]+`(?:, `[A-Z_]+`)*) \\|");

	private static final Pattern CODE = Pattern.compile("`([A-Z_]+)`");

	@Test
	void everyModuleEnumHasUniqueNames() throws Exception {
		Map<String, List<String>> owners = new HashMap<>();
		for (Class<?> type : codeEnums()) {
			for (Object constant : type.getEnumConstants()) {
				owners.computeIfAbsent(((ErrorCode) constant).name(), k -> new ArrayList<>()).add(type.getName());
			}
		}
		assertThat(owners).isNotEmpty();
		assertThat(owners).allSatisfy((code, types) -> assertThat(types).as(code).hasSize(1));
		assertThat(codeEnums()).allSatisfy((type) -> assertThat(type.getEnumConstants()).allSatisfy(
				(constant) -> assertThat(((ErrorCode) constant).defaultMessage()).as(constant.toString())
					.isNotBlank()
					.matches(".*\\p{IsHan}.*")));
	}

	@Test
	void readmeErrorTableListsExactlyTheCodes() throws Exception {
		Set<String> declared = new TreeSet<>();
		for (Class<?> type : codeEnums()) {
			for (Object constant : type.getEnumConstants()) {
				declared.add(((ErrorCode) constant).name());
			}
		}
		assertThat(readmeCodes()).containsExactlyElementsOf(declared);
	}

	private static Set<String> readmeCodes() throws IOException {
		Path readme = Path.of("../README.md");
		Set<String> codes = new TreeSet<>();
		boolean inTable = false;
		for (String line : Files.readAllLines(readme, StandardCharsets.UTF_8)) {
			if (line.startsWith("| code | meaning |")) {
				inTable = true;
				continue;
			}
			if (inTable && !line.startsWith("|")) {
				break;
			}
			Matcher row = TABLE_ROW.matcher(line);
			if (inTable && row.find()) {
				Matcher code = CODE.matcher(row.group(1));
				while (code.find()) {
					codes.add(code.group(1));
				}
			}
		}
		assertThat(codes).as("the README's table under '| code | meaning |'").isNotEmpty();
		return codes;
	}

	private static List<Class<?>> codeEnums() throws ClassNotFoundException {
		var scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AssignableTypeFilter(ErrorCode.class));
		List<Class<?>> types = new ArrayList<>();
		for (BeanDefinition candidate : scanner.findCandidateComponents("cn.wenming.practice")) {
			Class<?> type = Class.forName(candidate.getBeanClassName());
			if (type.isEnum()) {
				types.add(type);
			}
		}
		return types;
	}

}
