package cn.wenming.practice.testinfra;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A field or test-method parameter that {@link ScenarioExtension} fills with a fresh instance for
 * each test: an {@link Api} on the test server, or any test helper (a {@code *Scenario},
 * {@link Fixtures}, …) built through its constructor from an {@code Api}, application beans and
 * other such helpers.
 */
@Documented
@Target({ ElementType.FIELD, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
public @interface Scenario {

}
