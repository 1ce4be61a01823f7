package cn.wenming.practice.testinfra;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import javax.imageio.ImageIO;

/**
 * Photos for tests: real JPEG and PNG images, and the HTTP calls the mini-program makes
 * ({@code wx.uploadFile} to {@code POST /media/photos}, {@code <image src>} fetches).
 */
public final class PhotoFiles {

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	private PhotoFiles() {
	}

	/** An HTTP answer: status, content type, body and {@code Retry-After} (or null). */
	public record Answer(int status, String contentType, byte[] body, String retryAfter) {

		public String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

	}

	/** A real image of the given format ("jpg" or "png"), different each call. */
	public static byte[] image(String format) {
		BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color((int) (Math.random() * 0xFFFFFF)));
		g.fillRect(0, 0, 64, 48);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, format, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** Uploads as {@code wx.uploadFile} does: multipart, field {@code file}; {@code token} may be null. */
	public static Answer upload(int port, String token, byte[] bytes, String filename, String contentType) {
		String boundary = "----wxupload" + UUID.randomUUID().toString().replace("-", "");
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: " + contentType + "\r\n\r\n";
		body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(bytes);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/media/photos"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return send(request.build());
	}

	/** Fetches a photo URL as {@code <image src>} does (no token), on the test server whatever host the URL names. */
	public static Answer fetch(int port, String url) {
		String path = url.substring(url.indexOf("/media/photos/"));
		return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build());
	}

	private static Answer send(HttpRequest request) {
		try {
			HttpResponse<byte[]> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
			return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
					response.body(), response.headers().firstValue("Retry-After").orElse(null));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
