package cn.wenming.practice.need;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.stereotype.Controller;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Services take their own command records and return view records: only the GraphQL and web
 * layer (a {@code @Controller} and the input records nested in it) may use a controller's types.
 */
class NeedLayersTest {

	private static final JavaClasses NEED = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("cn.wenming.practice.need");

	private static final DescribedPredicate<JavaClass> PART_OF_A_CONTROLLER = DescribedPredicate
		.describe("part of a @Controller", type -> topLevel(type).isAnnotatedWith(Controller.class));

	@Test
	void onlyControllersUseControllerTypes() {
		noClasses().that(not(PART_OF_A_CONTROLLER))
			.should()
			.dependOnClassesThat(PART_OF_A_CONTROLLER)
			.check(NEED);
	}

	@Test
	void theRuleSeesTheControllers() {
		// Guards the rule above against passing because it matched nothing.
		assertThat(PART_OF_A_CONTROLLER.test(NEED.get(NeedController.class))).isTrue();
		assertThat(PART_OF_A_CONTROLLER.test(NEED.get(NeedController.SubmitNeedInput.class))).isTrue();
		assertThat(PART_OF_A_CONTROLLER.test(NEED.get(NeedSubmission.class))).isFalse();
	}

	private static JavaClass topLevel(JavaClass type) {
		JavaClass current = type;
		while (current.getEnclosingClass().isPresent()) {
			current = current.getEnclosingClass().get();
		}
		return current;
	}

}
