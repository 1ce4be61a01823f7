package cn.wenming.practice;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Backend of the 新时代文明实践中心 volunteer mini-program: a GraphQL API over MySQL and Redis.
 * Each direct sub-package is an application module declaring the modules it may use
 * ({@code allowedDependencies} in its {@code package-info}); {@code shared} is technical code every
 * module may use without listing it.
 */
@SpringBootApplication
@Modulithic(sharedModules = "shared")
@ConfigurationPropertiesScan
@EnableScheduling
public class BackendApplication {

	public static void main(String[] args) {
		SpringApplication.run(BackendApplication.class, args);
	}

}
