package cn.wenming.practice;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import cn.wenming.practice.testinfra.Infrastructure;
import cn.wenming.practice.testinfra.Scenario;
import cn.wenming.practice.testinfra.ScenarioExtension;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * A test against the README's zero-setup run: the {@code local} profile with the demo county and the
 * WeChat stub, on a random port. Every such test shares one context. The scheduled jobs stay off:
 * this context lives on while other tests count SQL statements JVM-wide. {@link Scenario @Scenario}
 * fields and parameters are filled as in an {@link IntegrationTest}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "app.need.deadline-job-delay=PT240H", "app.need.deadline-job-initial-delay=PT240H",
				"app.points.reconcile-cron=-", "app.notification.retry-job-initial-delay=PT240H",
				"app.notification.reminder-job-initial-delay=PT240H", "app.leaderboard.rebuild-cron=-" })
@ContextConfiguration(initializers = Infrastructure.class)
@ActiveProfiles("local")
@ExtendWith(ScenarioExtension.class)
public @interface LocalProfileTest {

}
