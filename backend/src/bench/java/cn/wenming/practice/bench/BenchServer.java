package cn.wenming.practice.bench;

import cn.wenming.practice.BackendApplication;
import cn.wenming.practice.testinfra.Infrastructure;

import org.springframework.boot.builder.SpringApplicationBuilder;

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

}
