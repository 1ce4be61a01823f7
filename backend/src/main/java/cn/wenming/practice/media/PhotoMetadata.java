package cn.wenming.practice.media;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import cn.wenming.practice.shared.DomainException;

/**
 * Removes metadata from a photo before it is stored: residents photograph their homes, and a
 * phone's EXIF carries the GPS position, the device and the time. Losslessly, on the file's
 * structure, rather than by re-encoding (which would cost quality and fail on CMYK JPEGs):
 * <ul>
 * <li>JPEG: the APP1 (EXIF, XMP), APP13 (IPTC) and COM segments before the image data are dropped;
 * JFIF, ICC profiles (APP2) and Adobe (APP14) stay, so colours are unchanged;</li>
 * <li>PNG: the {@code eXIf}, {@code tEXt}, {@code zTXt}, {@code iTXt} and {@code tIME} chunks are
 * dropped.</li>
 * </ul>
 * EXIF's orientation goes with the rest: a photo taken sideways shows sideways (the mini-program's
 * {@code wx.chooseMedia} with compression applies the orientation before uploading). A file whose
 * structure does not add up is refused as {@code PHOTO_TYPE_INVALID}.
 */
final class PhotoMetadata {

	private static final Set<Integer> JPEG_DROPPED = Set.of(0xE1, 0xED, 0xFE);

	private static final Set<String> PNG_DROPPED = Set.of("eXIf", "tEXt", "zTXt", "iTXt", "tIME");

	private PhotoMetadata() {
	}

	static byte[] strip(byte[] bytes, String contentType) {
		try {
			return switch (contentType) {
				case "image/jpeg" -> stripJpeg(bytes);
				case "image/png" -> stripPng(bytes);
				default -> bytes;
			};
		}
		catch (IndexOutOfBoundsException ex) {
			throw new DomainException(MediaError.PHOTO_TYPE_INVALID);
		}
	}

	private static byte[] stripJpeg(byte[] in) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
		out.write(in, 0, 2); // SOI
		int i = 2;
		while (true) {
			if ((in[i] & 0xFF) != 0xFF) {
				throw new DomainException(MediaError.PHOTO_TYPE_INVALID);
			}
			int marker = in[i + 1] & 0xFF;
			if (marker == 0xFF) { // fill byte
				i++;
				continue;
			}
			if (marker == 0xDA || marker == 0xD9) { // start of scan (image data follows) or end of image
				out.write(in, i, in.length - i);
				return out.toByteArray();
			}
			if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) { // markers without a length
				out.write(in, i, 2);
				i += 2;
				continue;
			}
			int length = ((in[i + 2] & 0xFF) << 8) | (in[i + 3] & 0xFF);
			if (length < 2 || i + 2 + length > in.length) {
				throw new DomainException(MediaError.PHOTO_TYPE_INVALID);
			}
			if (!JPEG_DROPPED.contains(marker)) {
				out.write(in, i, 2 + length);
			}
			i += 2 + length;
		}
	}

	private static byte[] stripPng(byte[] in) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
		out.write(in, 0, 8); // signature
		int i = 8;
		while (i < in.length) {
			long length = ((in[i] & 0xFFL) << 24) | ((in[i + 1] & 0xFF) << 16) | ((in[i + 2] & 0xFF) << 8) | (in[i + 3] & 0xFF);
			if (length > in.length - i - 12) {
				throw new DomainException(MediaError.PHOTO_TYPE_INVALID);
			}
			String type = new String(in, i + 4, 4, StandardCharsets.ISO_8859_1);
			int total = 12 + (int) length;
			if (!PNG_DROPPED.contains(type)) {
				out.write(in, i, total);
			}
			i += total;
			if ("IEND".equals(type)) {
				break;
			}
		}
		return out.toByteArray();
	}

}
