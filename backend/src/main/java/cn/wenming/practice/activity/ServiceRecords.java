package cn.wenming.practice.activity;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import cn.wenming.practice.shared.CommonError;
import cn.wenming.practice.auth.AccessControl;
import cn.wenming.practice.org.OrgDirectory;
import cn.wenming.practice.org.OrgUnitRef;
import cn.wenming.practice.shared.Connections;
import cn.wenming.practice.shared.DomainException;
import cn.wenming.practice.shared.SigningKeys;
import cn.wenming.practice.volunteer.ConfirmedNeedService;
import cn.wenming.practice.volunteer.VolunteerHonours;
import cn.wenming.practice.volunteer.VolunteerDirectory;
import cn.wenming.practice.volunteer.VolunteerRef;
import graphql.relay.Connection;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * A volunteer's service record: the yearly certificate (志愿服务证明) and the history of revoked
 * hours.
 * <p>
 * A certificate states the credit hours of the year (confirmed, not revoked: the rule of
 * {@code Volunteer.stats.hoursThisYear}): activities that ended in the year and needs completed in
 * it, one line each, in two tables whose sum is the credit total (both are credit hours, counted
 * for the star alike); and, listed apart, the honor hours (补录) with a service date in the year,
 * which are not credit hours. Need lines come from the need feature through
 * {@link ConfirmedNeedService} and name the need's category, not its title (which may name the
 * resident: a certificate is shown to strangers). It is issued by the volunteer's home station, carries a
 * random verification code (16 base32 characters, 80 bits: not guessable, and the public
 * {@code verifyServiceRecord} answers only for an exact code) and is stored as issued, with a
 * SHA-256 of what it states. Asking again while nothing changed hands out the same certificate;
 * after a change (new hours, a revocation) a new one with a new code.
 * <p>
 * The PDF is fetched with a plain HTTP GET (what {@code wx.downloadFile} and browsers do) from a
 * URL that {@code serviceRecordPdf} signs for {@value #LINK_TTL_MINUTES} minutes, after checking
 * that the caller is the volunteer or an admin covering them. The signature (HMAC-SHA256, key
 * derived from {@code APP_JWT_SECRET} with its own purpose label) binds the code and the expiry.
 */
@Service
class ServiceRecords {

	static final int LINK_TTL_MINUTES = 10;

	static final String DOWNLOAD_PATH = "/service-records/";

	/** The county's calendar decides which year a date belongs to. */
	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

	private static final int CODE_LENGTH = 16;

	private final ServiceCertificateMapper certificates;

	private final SignUpMapper signUps;

	private final VolunteerDirectory volunteers;

	private final OrgDirectory orgs;

	private final ObjectProvider<ConfirmedNeedService> needService;

	private final ObjectProvider<VolunteerHonours> honourSource;

	private final AccessControl access;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	private final SigningKeys keys;

	ServiceRecords(ServiceCertificateMapper certificates, SignUpMapper signUps, VolunteerDirectory volunteers,
			OrgDirectory orgs, ObjectProvider<ConfirmedNeedService> needService,
			ObjectProvider<VolunteerHonours> honourSource, AccessControl access, Clock clock, SigningKeys keys) {
		this.needService = needService;
		this.honourSource = honourSource;
		this.certificates = certificates;
		this.signUps = signUps;
		this.volunteers = volunteers;
		this.orgs = orgs;
		this.access = access;
		this.clock = clock;
		this.keys = keys;
	}

	/** A certificate and a short-lived link to its PDF. */
	record Issued(ServiceCertificate certificate, String downloadPath, Instant downloadExpiresAt) {
	}

	/**
	 * Issues (or hands out again) the certificate of {@code year} for the caller's own volunteer
	 * record, or, for an admin covering them, for {@code volunteerId}.
	 */
	Issued issue(int year, Long volunteerId) {
		long callerId = this.access.requireUserId();
		long id = (volunteerId != null) ? volunteerId : this.volunteers.requireByUserId(callerId).id();
		VolunteerRef volunteer = this.volunteers.requireReadable(id);
		LocalDate today = LocalDate.now(this.clock.withZone(CHINA));
		if (year < 2000 || year > today.getYear()) {
			throw DomainException.badRequest("年度须在 2000 年到今年之间");
		}
		Instant from = LocalDate.of(year, 1, 1).atStartOfDay(CHINA).toInstant();
		Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(CHINA).toInstant();
		List<ServiceCertificateMapper.ActivityLine> lines = this.certificates.activityLines(volunteer.id(), from, to);
		List<VolunteerDirectory.HonorHoursEntry> honors = this.volunteers.honorHoursBetween(volunteer.id(),
				LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
		ConfirmedNeedService needSource = this.needService.getIfAvailable();
		List<ConfirmedNeedService.Line> needs = (needSource == null) ? List.of()
				: needSource.confirmedBetween(volunteer.id(), from, to);
		if (lines.isEmpty() && needs.isEmpty() && honors.isEmpty()) {
			throw new DomainException(ActivityError.SERVICE_RECORD_EMPTY);
		}
		VolunteerHonours honourTitles = this.honourSource.getIfAvailable();
		List<String> titles = (honourTitles == null) ? List.of() : honourTitles.titlesOf(volunteer.id(), year);
		VolunteerDirectory.CertificateHolder holder = this.volunteers.certificateHolder(volunteer.id());
		OrgUnitRef station = this.orgs.require(holder.homeStationId());
		BigDecimal activityHours = lines.stream().map(ServiceCertificateMapper.ActivityLine::hours)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal needHours = needs.stream().map(ConfirmedNeedService.Line::hours)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal credit = activityHours.add(needHours);
		BigDecimal honor = honors.stream().map(VolunteerDirectory.HonorHoursEntry::hours)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		String hash = contentHash(holder, year, station, lines, needs, honors, titles);

		ServiceCertificate certificate = this.certificates.findSame(volunteer.id(), year, hash);
		for (int attempt = 0; certificate == null; attempt++) {
			String code = newCode();
			Instant now = this.clock.instant();
			byte[] pdf = ServiceRecordPdf.render(new ServiceRecordPdf.Content(holder.realName(), year,
					lines.stream().map(l -> new ServiceRecordPdf.ActivityItem(l.title(),
							LocalDate.ofInstant(l.startsAt(), CHINA), l.hours())).toList(),
					needs.stream().map(n -> new ServiceRecordPdf.NeedItem(n.category(),
							LocalDate.ofInstant(n.completedAt(), CHINA), n.hours())).toList(),
					honors.stream().map(h -> new ServiceRecordPdf.HonorItem(h.serviceDate(), h.reason(), h.hours()))
						.toList(),
					activityHours, needHours, credit, honor, titles, station.name(), LocalDate.ofInstant(now, CHINA),
					code));
			ServiceCertificate row = new ServiceCertificate();
			row.setCode(code);
			row.setVolunteerId(volunteer.id());
			row.setServiceYear(year);
			row.setActivitiesCount(lines.size());
			row.setNeedsCount(needs.size());
			row.setCreditHours(credit);
			row.setNeedHours(needHours);
			row.setHonorHours(honor);
			row.setMaskedName(holder.maskedName());
			row.setIssuingUnitId(station.id());
			row.setIssuingUnitName(station.name());
			row.setContentHash(hash);
			row.setPdf(pdf);
			row.setIssuedBy(callerId);
			row.setIssuedAt(now);
			try {
				this.certificates.insert(row);
				certificate = this.certificates.findByCode(code);
			}
			catch (DuplicateKeyException ex) {
				// A concurrent request issued the same content first (uk_certificate_content): hand
				// out that one. Otherwise an 80-bit code collided, which practically never happens: draw again.
				certificate = this.certificates.findSame(volunteer.id(), year, hash);
				if (certificate == null && attempt >= 2) {
					throw ex;
				}
			}
		}
		Instant expiresAt = this.clock.instant().plus(Duration.ofMinutes(LINK_TTL_MINUTES));
		return new Issued(certificate, downloadPath(certificate.getCode(), expiresAt), expiresAt);
	}

	/** The public check of a certificate: its summary, or null for an unknown code. */
	ServiceCertificate verify(String code) {
		String normalized = normalize(code);
		return (normalized == null) ? null : this.certificates.findByCode(normalized);
	}

	/** The PDF behind a signed link; {@link DomainException} NOT_FOUND or FORBIDDEN otherwise. */
	ServiceCertificate download(String code, long expires, String signature) {
		String expected = sign(code, expires);
		if (signature == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				signature.getBytes(StandardCharsets.US_ASCII))) {
			throw new DomainException(CommonError.FORBIDDEN, "下载链接无效");
		}
		if (this.clock.millis() > expires) {
			throw new DomainException(CommonError.FORBIDDEN, "下载链接已过期，请重新获取");
		}
		ServiceCertificate certificate = this.certificates.findWithPdf(code);
		if (certificate == null) {
			throw DomainException.notFound("证明");
		}
		return certificate;
	}

	/** One revocation of confirmed hours: who, when, why, how many hours (GraphQL {@code HoursRevocation}). */
	record HoursRevocation(long signUpId, long activityId, BigDecimal hours, Instant revokedAt, long revokedById,
			String reason) {
	}

	/** Confirmed hours that were later revoked, for the volunteer or the admins covering them. */
	Connection<HoursRevocation> revocations(long volunteerId, Integer first, String after) {
		var page = Connections.page(first, after);
		VolunteerRef volunteer = this.volunteers.requireReadable(volunteerId);
		List<HoursRevocation> rows = this.signUps.pageRevokedOfVolunteer(volunteer.id(), page.afterId(), page.fetchSize())
			.stream()
			.map(s -> new HoursRevocation(s.getId(), s.getActivityId(), s.getHours(), s.getHoursRevokedAt(),
					s.getHoursRevokedBy(), s.getHoursRevokeReason()))
			.toList();
		return Connections.of(rows, page, HoursRevocation::signUpId);
	}

	private String downloadPath(String code, Instant expiresAt) {
		long expires = expiresAt.toEpochMilli();
		return DOWNLOAD_PATH + code + ".pdf?expires=" + expires + "&sig=" + sign(code, expires);
	}

	private String sign(String code, long expires) {
		byte[] mac = this.keys.mac(SigningKeys.Purpose.CERTIFICATE_LINK, (code + "." + expires).getBytes(StandardCharsets.UTF_8));
		return Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
	}

	private String newCode() {
		char[] code = new char[CODE_LENGTH];
		for (int i = 0; i < CODE_LENGTH; i++) {
			code[i] = BASE32[this.random.nextInt(BASE32.length)];
		}
		return new String(code);
	}

	/** Upper case without spaces or dashes (people copy codes in groups); null when it cannot be a code. */
	static String normalize(String code) {
		if (code == null) {
			return null;
		}
		String cleaned = code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
		return cleaned.matches("[A-Z2-7]{" + CODE_LENGTH + "}") ? cleaned : null;
	}

	/**
	 * SHA-256 over a canonical text of everything the certificate states except its code and date.
	 * Need lines and honour titles (T) were added later as lines of their own kind: a record without
	 * any hashes as before, so its certificate is still handed out again.
	 */
	private static String contentHash(VolunteerDirectory.CertificateHolder holder, int year, OrgUnitRef station,
			List<ServiceCertificateMapper.ActivityLine> lines, List<ConfirmedNeedService.Line> needs,
			List<VolunteerDirectory.HonorHoursEntry> honors, List<String> titles) {
		StringBuilder text = new StringBuilder();
		text.append("v1|").append(holder.volunteerId()).append('|').append(holder.realName()).append('|').append(year)
			.append('|').append(station.id()).append('|').append(station.name()).append('\n');
		for (ServiceCertificateMapper.ActivityLine line : lines) {
			text.append("A|").append(line.signUpId()).append('|').append(line.title()).append('|')
				.append(line.startsAt().toEpochMilli()).append('|').append(line.hours().toPlainString()).append('\n');
		}
		for (ConfirmedNeedService.Line need : needs) {
			text.append("N|").append(need.needId()).append('|').append(need.category()).append('|')
				.append(need.completedAt().toEpochMilli()).append('|').append(need.hours().toPlainString()).append('\n');
		}
		for (VolunteerDirectory.HonorHoursEntry honor : honors) {
			text.append("H|").append(honor.serviceDate()).append('|').append(honor.reason()).append('|')
				.append(honor.hours().toPlainString()).append('\n');
		}
		for (String title : titles) {
			text.append("T|").append(title).append('\n');
		}
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SHA-256 unavailable", ex);
		}
	}

}
