package cn.wenming.practice.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thumbnails keep the aspect ratio with the longest side at the limit and never enlarge; a
 * camera-sized raster is decoded subsampled, not whole; a small file claiming a huge raster (a
 * decompression bomb: 20000 × 20000 pixels in under 400 KB) gets no thumbnail, without decoding.
 */
class PhotoThumbnailsTest {

	@Test
	void theLongestSideBecomesTheLimitAndTheRatioStays() throws IOException {
		assertThat(size(PhotoThumbnails.of(image(1200, 900, "png"), 320))).isEqualTo("320x240");
		assertThat(size(PhotoThumbnails.of(image(900, 1600, "jpg"), 320))).isEqualTo("180x320");
		// Small photos are not enlarged.
		assertThat(size(PhotoThumbnails.of(image(64, 48, "png"), 320))).isEqualTo("64x48");
	}

	@Test
	void aCameraSizedRasterIsDecodedSubsampled() throws IOException {
		byte[] big = blankGrayPng(8000, 6000);
		Runtime runtime = Runtime.getRuntime();
		long before = runtime.totalMemory() - runtime.freeMemory();
		long started = System.nanoTime();
		byte[] thumbnail = PhotoThumbnails.of(big, 320);
		long millis = (System.nanoTime() - started) / 1_000_000;
		long grown = (runtime.totalMemory() - runtime.freeMemory()) - before;
		assertThat(size(thumbnail)).isEqualTo("320x240");
		// 48 million pixels decoded whole would be 48 MB gray (190 MB as RGB); subsampled about 640 × 480.
		assertThat(grown).isLessThan(40L * 1024 * 1024);
		System.out.printf("8000x6000 PNG of %d bytes: thumbnail in %d ms, heap grew %d KB%n", big.length, millis,
				grown / 1024);
	}

	@Test
	void aDecompressionBombGetsNoThumbnailAndIsNotDecoded() throws IOException {
		byte[] bomb = blankGrayPng(20_000, 20_000);
		assertThat(bomb.length).isLessThan(512 * 1024);
		long started = System.nanoTime();
		assertThat(PhotoThumbnails.of(bomb, 320)).isNull();
		long millis = (System.nanoTime() - started) / 1_000_000;
		// Inflating its 400 MB takes seconds; reading the header takes milliseconds.
		assertThat(millis).isLessThan(1000);
		System.out.printf("20000x20000 PNG of %d bytes: refused in %d ms%n", bomb.length, millis);
	}

	@Test
	void undecodableBytesGetNoThumbnail() {
		byte[] fake = new byte[200];
		fake[0] = (byte) 0xFF;
		fake[1] = (byte) 0xD8;
		fake[2] = (byte) 0xFF;
		assertThat(PhotoThumbnails.of(fake, 320)).isNull();
	}

	private static String size(byte[] jpeg) throws IOException {
		assertThat(jpeg).isNotNull();
		BufferedImage read = ImageIO.read(new ByteArrayInputStream(jpeg));
		return read.getWidth() + "x" + read.getHeight();
	}

	private static byte[] image(int width, int height, String format) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), format, out);
		return out.toByteArray();
	}

	/** An 8-bit grayscale PNG of zeros, written by hand so no raster of that size ever exists here. */
	private static byte[] blankGrayPng(int width, int height) throws IOException {
		ByteArrayOutputStream idat = new ByteArrayOutputStream();
		try (DeflaterOutputStream z = new DeflaterOutputStream(idat, new Deflater(9))) {
			byte[] row = new byte[width + 1];
			for (int y = 0; y < height; y++) {
				z.write(row);
			}
		}
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		png.write(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A });
		ByteArrayOutputStream header = new ByteArrayOutputStream();
		DataOutputStream h = new DataOutputStream(header);
		h.writeInt(width);
		h.writeInt(height);
		h.write(new byte[] { 8, 0, 0, 0, 0 });
		chunk(png, "IHDR", header.toByteArray());
		chunk(png, "IDAT", idat.toByteArray());
		chunk(png, "IEND", new byte[0]);
		return png.toByteArray();
	}

	private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
		DataOutputStream d = new DataOutputStream(out);
		d.writeInt(data.length);
		byte[] typeBytes = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		d.write(typeBytes);
		d.write(data);
		CRC32 crc = new CRC32();
		crc.update(typeBytes);
		crc.update(data);
		d.writeInt((int) crc.getValue());
	}

}
