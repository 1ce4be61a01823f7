package cn.wenming.practice.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Photo files on local disk under {@code app.media.storage-dir}. Names are 32 random hex digits
 * chosen here; a key is checked against that shape before it becomes a path, so nothing a client
 * sends can name a file. A file is written to a temporary name and moved into place, so a crash
 * never leaves a half-written photo under a real key.
 */
@Component
class PhotoStore {

	private static final Pattern KEY = Pattern.compile("[0-9a-f]{32}");

	private final SecureRandom random = new SecureRandom();

	private final Path root;

	PhotoStore(MediaProperties properties) {
		this.root = Path.of(properties.storageDir()).toAbsolutePath().normalize();
		try {
			Files.createDirectories(this.root);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the media directory " + this.root, ex);
		}
	}

	/** Stores the bytes under a new random key and returns the key. */
	String put(byte[] bytes) {
		byte[] name = new byte[16];
		this.random.nextBytes(name);
		String key = HexFormat.of().formatHex(name);
		try {
			Path tmp = Files.createTempFile(this.root, "upload-", ".tmp");
			try {
				Files.write(tmp, bytes);
				Files.move(tmp, path(key), StandardCopyOption.ATOMIC_MOVE);
			}
			finally {
				Files.deleteIfExists(tmp);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot store a photo", ex);
		}
		return key;
	}

	/** The file's bytes; null when it is gone (a database restored without its files, a volume not mounted). */
	byte[] get(String key) {
		try {
			return Files.readAllBytes(path(key));
		}
		catch (NoSuchFileException ex) {
			return null;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read photo " + key, ex);
		}
	}

	void delete(String key) {
		try {
			Files.deleteIfExists(path(key));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot delete photo " + key, ex);
		}
	}

	private Path path(String key) {
		if (key == null || !KEY.matcher(key).matches()) {
			throw new IllegalArgumentException("Not a storage key");
		}
		return this.root.resolve(key);
	}

}
