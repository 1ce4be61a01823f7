package cn.wenming.practice.media;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.PhotoFiles;
import cn.wenming.practice.testinfra.Scenario;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, must show 4: stored photos lose their EXIF (a phone's GPS position of a resident's
 * home). Uploads a JPEG with an EXIF segment and a PNG with an eXIf and a tEXt chunk, reads the
 * stored files, and finds no trace of them, while the images still decode.
 */
@IntegrationTest
class PhotoExifTest {

	private static final String GPS = "GPSLatitude=31.3456N;GPSLongitude=119.8234E";

	@LocalServerPort
	int port;

	@Scenario
	Api api;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MediaProperties properties;

	@Test
	void jpegExifAndPngMetadataAreNotStored() throws Exception {
		Session owner = this.api.login(Fixtures.unique("exif"));
		byte[] jpeg = withExif(PhotoFiles.image("jpg"));
		assertThat(contains(jpeg, "Exif")).isTrue();
		byte[] png = withPngChunks(PhotoFiles.image("png"));
		assertThat(contains(png, GPS)).isTrue();

		for (byte[] photo : new byte[][] { jpeg, png }) {
			PhotoFiles.Answer answer = PhotoFiles.upload(this.port, owner.accessToken(), photo, "p", "image/jpeg");
			assertThat(answer.status()).as(answer.text()).isEqualTo(201);
			long id = Long.parseLong(answer.text().replaceAll(".*\"id\"\\s*:\\s*\"(\\d+)\".*", "$1"));
			byte[] stored = Files.readAllBytes(file(id));
			assertThat(contains(stored, GPS)).isFalse();
			assertThat(contains(stored, "Exif")).isFalse();
			assertThat(contains(stored, "eXIf")).isFalse();
			assertThat(stored.length).isLessThan(photo.length);
			assertThat(ImageIO.read(new ByteArrayInputStream(stored))).isNotNull();
			assertThat(this.jdbc.queryForObject("SELECT size_bytes FROM media_photo WHERE id = ?", Integer.class, id))
				.isEqualTo(stored.length);
		}
	}

	/** Inserts an APP1 EXIF segment (with a GPS-looking payload) right after SOI. */
	private static byte[] withExif(byte[] jpeg) {
		byte[] payload = ("Exif\0\0MM\0*\0\0\0\b" + GPS).getBytes(StandardCharsets.ISO_8859_1);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(jpeg, 0, 2);
		out.write(0xFF);
		out.write(0xE1);
		int length = payload.length + 2;
		out.write(length >> 8);
		out.write(length & 0xFF);
		out.writeBytes(payload);
		out.write(jpeg, 2, jpeg.length - 2);
		return out.toByteArray();
	}

	/** Inserts eXIf and tEXt chunks right after IHDR. */
	private static byte[] withPngChunks(byte[] png) {
		int afterHeader = 8 + 12 + 13;
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(png, 0, afterHeader);
		chunk(out, "eXIf", ("MM\0*\0\0\0\b" + GPS).getBytes(StandardCharsets.ISO_8859_1));
		chunk(out, "tEXt", ("Comment\0" + GPS).getBytes(StandardCharsets.ISO_8859_1));
		out.write(png, afterHeader, png.length - afterHeader);
		return out.toByteArray();
	}

	private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
		out.write(data.length >>> 24);
		out.write(data.length >>> 16 & 0xFF);
		out.write(data.length >>> 8 & 0xFF);
		out.write(data.length & 0xFF);
		byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
		out.writeBytes(typeBytes);
		out.writeBytes(data);
		CRC32 crc = new CRC32();
		crc.update(typeBytes);
		crc.update(data);
		long value = crc.getValue();
		out.write((int) (value >>> 24) & 0xFF);
		out.write((int) (value >>> 16) & 0xFF);
		out.write((int) (value >>> 8) & 0xFF);
		out.write((int) value & 0xFF);
	}

	private static boolean contains(byte[] haystack, String needle) {
		return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
	}

	private Path file(long id) {
		String key = this.jdbc.queryForObject("SELECT storage_key FROM media_photo WHERE id = ?", String.class, id);
		return Path.of(this.properties.storageDir()).toAbsolutePath().normalize().resolve(key);
	}

}
