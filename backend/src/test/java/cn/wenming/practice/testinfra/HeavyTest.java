package cn.wenming.practice.testinfra;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * A test that starts processes of its own (a Redis Cluster or Sentinel, Chromium, npm, a second
 * server) or takes far longer than the rest. Surefire leaves it out, so that {@code ./mvnw test}
 * stays a fast inner loop; Failsafe runs it in {@code ./mvnw verify} (both configured in
 * {@code backend/pom.xml} by this tag).
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(HeavyTest.TAG)
public @interface HeavyTest {

	String TAG = "heavy";

}
