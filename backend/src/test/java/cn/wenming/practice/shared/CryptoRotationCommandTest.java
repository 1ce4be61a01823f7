package cn.wenming.practice.shared;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The rotation command is off unless {@code app.crypto.reencrypt=true}, and then runs the rotation
 * once, off the start-up thread, with the configured batch size. (What a rotation does is
 * {@code need.KeyRotationTest}.)
 */
class CryptoRotationCommandTest {

	private final CryptoRotation rotation = mock(CryptoRotation.class);

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withUserConfiguration(CryptoRotation.Command.class, Properties.class)
		.withPropertyValues("app.crypto.key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=")
		.withBean(CryptoRotation.class, () -> this.rotation);

	@EnableConfigurationProperties(CryptoProperties.class)
	static class Properties {

	}

	@Test
	void offByDefault() {
		this.contexts.run(context -> assertThat(context).doesNotHaveBean(ApplicationRunner.class));
		this.contexts.withPropertyValues("app.crypto.reencrypt=false")
			.run(context -> assertThat(context).doesNotHaveBean(ApplicationRunner.class));
	}

	@Test
	void runsTheRotationOnItsOwnThreadWhenAsked() {
		when(this.rotation.run(200)).thenReturn(Map.of("volunteer.id_number", 3));
		this.contexts.withPropertyValues("app.crypto.reencrypt=true", "app.crypto.reencrypt-batch-size=200")
			.run(context -> {
				assertThat(context).hasSingleBean(ApplicationRunner.class);
				context.getBean(ApplicationRunner.class).run(new DefaultApplicationArguments());
				verify(this.rotation, timeout(5000)).run(200);
			});
	}

}
