package cn.wenming.practice;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.stereotype.Controller;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Layering that Modulith's module check does not see, because it holds inside a module:
 * controllers are the outermost layer. Services take their own command records and return their
 * own views, so nothing but a controller depends on a controller or on a type declared in one
 * (its input records).
 */
class ArchitectureTest {

	private static final JavaClasses MAIN = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("cn.wenming.practice");

	/** A {@code @Controller} (also through {@code @RestController}) or a type nested in one. */
	private static final DescribedPredicate<JavaClass> CONTROLLER_OR_NESTED = new DescribedPredicate<>(
			"a @Controller or declared in one") {
		@Override
		public boolean test(JavaClass type) {
			for (JavaClass current = type; current != null; current = current.getEnclosingClass().orElse(null)) {
				if (current.isAnnotatedWith(Controller.class) || current.isMetaAnnotatedWith(Controller.class)) {
					return true;
				}
			}
			return false;
		}
	};

	@Test
	void onlyControllersDependOnControllers() {
		noClasses().that(DescribedPredicate.not(CONTROLLER_OR_NESTED))
			.should()
			.dependOnClassesThat(CONTROLLER_OR_NESTED)
			.check(MAIN);
	}

}
