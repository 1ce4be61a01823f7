package cn.wenming.practice.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small JPEG of a photo for lists (the wish wall, a need's timeline): the longest side at most
 * {@code maxSide} pixels, made once at upload from the bytes already stripped of metadata (so it
 * carries none either). A need's list shows a dozen photos; full-size ones cost residents' mobile
 * data and the page's memory.
 * <p>
 * The source is decoded subsampled (every n-th pixel, n chosen from the header's size), so a
 * 48-megapixel photo never becomes a 190 MB raster; then scaled smoothly to the final size. Above
 * {@value #MAX_PIXELS} pixels (a decompression bomb: a 400 KB PNG can claim 20000 × 20000, whose
 * inflating alone takes seconds of CPU) no thumbnail is made. Transparency is laid on white (JPEG has none). A photo Java's decoders cannot
 * read (a CMYK JPEG, say) gets no thumbnail: it is still stored and shown full size.
 */
final class PhotoThumbnails {

	private static final Logger log = LoggerFactory.getLogger(PhotoThumbnails.class);

	/** Pixels decoded at most before scaling: twice the final side on each axis keeps the scaling smooth. */
	private static final int DECODE_FACTOR = 2;

	private static final float QUALITY = 0.8f;

	/** Larger than any phone camera's photo (48 MP sensors included). */
	static final long MAX_PIXELS = 64_000_000L;

	private PhotoThumbnails() {
	}

	/** The thumbnail's JPEG bytes, or null when the photo cannot be decoded. */
	static byte[] of(byte[] photo, int maxSide) {
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(photo))) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				return null;
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				int width = reader.getWidth(0);
				int height = reader.getHeight(0);
				if ((long) width * height > MAX_PIXELS) {
					log.info("No thumbnail for an uploaded photo of {} x {} pixels", width, height);
					return null;
				}
				int step = Math.max(1, Math.max(width, height) / (maxSide * DECODE_FACTOR));
				ImageReadParam param = reader.getDefaultReadParam();
				param.setSourceSubsampling(step, step, 0, 0);
				BufferedImage source = reader.read(0, param);
				return jpeg(scaled(source, maxSide));
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			log.info("No thumbnail for an uploaded photo: {}", ex.getClass().getSimpleName());
			return null;
		}
	}

	private static BufferedImage scaled(BufferedImage source, int maxSide) {
		double scale = Math.min(1.0, maxSide / (double) Math.max(source.getWidth(), source.getHeight()));
		int width = Math.max(1, (int) Math.round(source.getWidth() * scale));
		int height = Math.max(1, (int) Math.round(source.getHeight() * scale));
		BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = out.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
			g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, width, height);
			g.drawImage(source, 0, 0, width, height, null);
		}
		finally {
			g.dispose();
		}
		return out;
	}

	private static byte[] jpeg(BufferedImage image) throws IOException {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
			writer.setOutput(out);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(QUALITY);
			writer.write(null, new IIOImage(image, null, null), param);
		}
		finally {
			writer.dispose();
		}
		return bytes.toByteArray();
	}

}
