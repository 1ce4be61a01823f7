package cn.wenming.practice;

import cn.wenming.practice.testinfra.Infrastructure;

import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The zero-setup local run: {@code ./mvnw -pl backend spring-boot:test-run}. Starts embedded
 * MariaDB and Redis (unless {@code SPRING_DATASOURCE_URL} / {@code SPRING_DATA_REDIS_HOST} name
 * servers), the built-in WeChat stub, and loads the demo county. Lives in test sources so none
 * of it can reach the production jar.
 */
public final class LocalBackendApplication {

	private LocalBackendApplication() {
	}

	public static void main(String[] args) {
		new SpringApplicationBuilder(BackendApplication.class).profiles("local")
			.initializers(new Infrastructure())
			.run(args);
	}

}
