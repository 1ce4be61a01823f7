package cn.wenming.practice;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import cn.wenming.practice.need.NeedEventRecorder;
import cn.wenming.practice.testinfra.Infrastructure;
import cn.wenming.practice.testinfra.MutableClock;
import cn.wenming.practice.testinfra.PublishedEvents;
import cn.wenming.practice.testinfra.Scenario;
import cn.wenming.practice.testinfra.ScenarioExtension;
import cn.wenming.practice.testinfra.SqlCounter;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * An end-to-end test against the whole application on a random port, with real MySQL-compatible
 * and Redis servers (see {@link Infrastructure}) and WeChat stubbed at the HTTP level. All such
 * tests share one application context; they isolate themselves by creating their own data.
 * {@link SqlCounter} is in that context for tests that count statements, {@link MutableClock}
 * (the application's clock) for tests that move time, and {@link PublishedEvents} and
 * {@link NeedEventRecorder} record the domain events the application publishes.
 * {@link ScenarioExtension} fills {@link Scenario @Scenario} fields and parameters (an {@code Api}
 * on the test server, the feature scenarios) afresh for each test and puts the clock back after it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = Infrastructure.class)
@ActiveProfiles("test")
@ExtendWith(ScenarioExtension.class)
@Import({ SqlCounter.class, NeedEventRecorder.class, MutableClock.class, PublishedEvents.class })
public @interface IntegrationTest {

}
