package cn.wenming.practice.shared;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * The key-rotation command: re-seals every encrypted column ({@link Reencryptable}: ID numbers,
 * resident contacts of needs) under the active {@code APP_CRYPTO_KEY}, in batches, while the
 * service keeps serving. Values under a previous key stay readable throughout, since that key is
 * still configured ({@code APP_CRYPTO_PREVIOUS_KEYS}); columns that held plaintext before they
 * were encrypted are sealed by the same pass (their backfill).
 * <p>
 * Started by {@code --app.crypto.reencrypt=true} (env {@code APP_CRYPTO_REENCRYPT=true}) on one
 * instance, on its own thread once the application has started, so the instance serves as usual
 * meanwhile; it logs each column's counts and a final line. Safe to run again (and on several
 * instances at once): rows already under the active key are skipped and updates are guarded.
 */
@Component
public class CryptoRotation {

	private static final Logger log = LoggerFactory.getLogger(CryptoRotation.class);

	private final FieldCrypto crypto;

	private final List<Reencryptable> columns;

	/** Also for tools and tests that rotate with keys other than the application's. */
	public CryptoRotation(FieldCrypto crypto, List<Reencryptable> columns) {
		this.crypto = crypto;
		this.columns = columns;
	}

	/** Re-encrypts everything; returns, per column, how many values were re-sealed. */
	public Map<String, Integer> run(int batchSize) {
		Map<String, Integer> changed = new LinkedHashMap<>();
		for (Reencryptable column : this.columns) {
			long afterId = 0;
			int scanned = 0;
			int resealed = 0;
			while (true) {
				Reencryptable.Batch batch = column.reencrypt(this.crypto, afterId, batchSize);
				if (batch.scanned() == 0) {
					break;
				}
				afterId = batch.lastId();
				scanned += batch.scanned();
				resealed += batch.changed();
			}
			log.info("Key rotation: {} re-sealed {} of {} rows under key id {}", column.name(), resealed, scanned,
					this.crypto.activeKeyId());
			changed.put(column.name(), resealed);
		}
		return changed;
	}

	@Configuration(proxyBeanMethods = false)
	static class Command {

		@Bean
		@ConditionalOnBooleanProperty("app.crypto.reencrypt")
		ApplicationRunner cryptoRotationCommand(CryptoRotation rotation, CryptoProperties properties) {
			int batchSize = properties.reencryptBatchSize();
			return (ApplicationArguments args) -> {
				Thread worker = new Thread(() -> {
					try {
						Map<String, Integer> changed = rotation.run(batchSize);
						log.info("Key rotation finished: {}", changed);
					}
					catch (RuntimeException ex) {
						log.error("Key rotation stopped; run it again to continue", ex);
					}
				}, "crypto-rotation");
				worker.setDaemon(true);
				worker.start();
			};
		}

	}

}
