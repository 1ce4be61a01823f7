package cn.wenming.practice.bench;

import cn.wenming.practice.BackendApplication;
import cn.wenming.practice.testinfra.Infrastructure;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The benchmark server: the production application with the {@code bench} profile (no demo data,
 * scheduled reconciliations off, WeChat via the HTTP stub), on the database and Redis named by the
 * environment ({@link BenchRunner} points it at the seeded county). Started in its own JVM so its
 * start-up time and resident memory are its own.
 */
public final class BenchServer {

	private BenchServer() {
	}

	public static void main(String[] args) {
		try {
			new SpringApplicationBuilder(BackendApplication.class).profiles("bench")
				.initializers(new Infrastructure())
				.run(args);
		}
		catch (RuntimeException ex) {
			// The WeChat stub's threads would keep a failed JVM alive; the runner waits for it to exit.
			System.exit(1);
		}
	}

	/**
	 * On JDK 21+ GraphQL handlers run on virtual threads, as async requests, which Tomcat ends after
	 * 30 s by default; the SQL baseline takes longer than that on the county. Gatling's own timeout
	 * (60 s) is the one that should decide, as it does on JDK 17. Found by component scanning (the
	 * bench sources compile only with the bench profile, so no other build has it).
	 */
	@Configuration(proxyBeanMethods = false)
	static class LongAsyncRequests {

		@Bean
		WebServerFactoryCustomizer<TomcatServletWebServerFactory> longAsyncTimeout() {
			return factory -> factory.addConnectorCustomizers(connector -> connector.setAsyncTimeout(90_000));
		}

	}

}
