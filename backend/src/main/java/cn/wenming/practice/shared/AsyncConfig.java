package cn.wenming.practice.shared;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * {@code @ApplicationModuleListener}s run after the commit on Spring Boot's task executor, off the
 * request thread. It is named and bounded by {@code spring.task.execution.*} (application.yml): at
 * most that many listeners at once, so they cannot take the whole connection pool.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class AsyncConfig {

}
