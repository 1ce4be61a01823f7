package cn.wenming.practice;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/**
 * An {@link IntegrationTest} in a second shared context whose settings would disturb the other
 * tests: a small {@code wxLogin} bucket, the client address from {@code X-Forwarded-For} (as behind
 * the production proxy, so one machine plays many addresses) and introspection on (as in the local
 * run). Every test class using it shares that one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IntegrationTest
@TestPropertySource(properties = { "app.auth.login-rate-limit.capacity=3", "app.auth.login-rate-limit.refill-period=1h",
		"server.forward-headers-strategy=native", "app.graphql.introspection=true" })
public @interface IntegrationTestWithSmallLimits {

}
