package cn.wenming.practice.activity;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import cn.wenming.practice.shared.CommonError;
import cn.wenming.practice.shared.Connections;
import cn.wenming.practice.shared.DomainException;
import cn.wenming.practice.shared.ErrorCode;
import cn.wenming.practice.volunteer.VolunteerDirectory;
import graphql.relay.Connection;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A volunteer's service record: {@code serviceRecordPdf} (the yearly certificate and a signed
 * download link), the public {@code verifyServiceRecord}, the PDF download itself (plain HTTP GET)
 * and {@code hoursRevocations}. Rules live in {@link ServiceRecords}.
 */
@Controller
class ServiceRecordController {

	private final ServiceRecords records;

	private final ActivityMapper activities;

	private final VolunteerDirectory volunteers;

	ServiceRecordController(ServiceRecords records, ActivityMapper activities, VolunteerDirectory volunteers) {
		this.records = records;
		this.activities = activities;
		this.volunteers = volunteers;
	}

	/** GraphQL {@code ServiceRecordPdf}. */
	record ServiceRecordPdfView(String code, int year, int activitiesCount, int needsCount, BigDecimal creditHours,
			BigDecimal needHours, BigDecimal honorHours, String issuingUnitName, Instant issuedAt, String downloadUrl,
			Instant downloadUrlExpiresAt) {
	}

	/** GraphQL {@code ServiceRecordVerification}: what anyone holding the code may learn. */
	record Verification(String code, String maskedName, int year, int activitiesCount, int needsCount,
			BigDecimal creditHours, BigDecimal needHours, BigDecimal honorHours, String issuingUnitName,
			Instant issuedAt) {
	}

	@MutationMapping
	ServiceRecordPdfView serviceRecordPdf(@Argument @Min(2000) @Max(2999) int year, @Argument Long volunteerId) {
		ServiceRecords.Issued issued = this.records.issue(year, volunteerId);
		ServiceCertificate c = issued.certificate();
		return new ServiceRecordPdfView(c.getCode(), c.getServiceYear(), c.getActivitiesCount(), c.getNeedsCount(),
				c.getCreditHours(), c.getNeedHours(), c.getHonorHours(), c.getIssuingUnitName(), c.getIssuedAt(), issued.downloadPath(),
				issued.downloadExpiresAt());
	}

	@QueryMapping
	Verification verifyServiceRecord(@Argument @NotBlank @Size(max = 40) String code) {
		ServiceCertificate c = this.records.verify(code);
		return (c == null) ? null
				: new Verification(c.getCode(), c.getMaskedName(), c.getServiceYear(), c.getActivitiesCount(),
						c.getNeedsCount(), c.getCreditHours(), c.getNeedHours(), c.getHonorHours(), c.getIssuingUnitName(), c.getIssuedAt());
	}

	@QueryMapping
	Connection<ServiceRecords.HoursRevocation> hoursRevocations(@Argument long volunteerId,
			@Argument @Min(0) @Max(Connections.MAX_FIRST) Integer first, @Argument String after) {
		return this.records.revocations(volunteerId, first, after);
	}

	@BatchMapping(typeName = "HoursRevocation")
	List<Activity> activity(List<ServiceRecords.HoursRevocation> list) {
		Map<Long, Activity> byId = this.activities
			.findByIds(list.stream().map(ServiceRecords.HoursRevocation::activityId).distinct().toList())
			.stream()
			.collect(Collectors.toMap(Activity::getId, Function.identity()));
		return list.stream().map(r -> byId.get(r.activityId())).toList();
	}

	/** Who revoked, named as every staff screen names an operator; one batch for the page. */
	@BatchMapping(typeName = "HoursRevocation")
	List<String> revokedByName(List<ServiceRecords.HoursRevocation> list) {
		Map<Long, String> names = this.volunteers
			.displayNames(list.stream().map(ServiceRecords.HoursRevocation::revokedById).toList());
		return list.stream().map(r -> names.getOrDefault(r.revokedById(), "用户 " + r.revokedById())).toList();
	}

	/**
	 * The certificate PDF behind a link signed by {@code serviceRecordPdf}. The link is the
	 * credential (it names one certificate and expires), so no bearer token is needed: the
	 * mini-program's {@code wx.downloadFile} and a browser can both fetch it.
	 */
	@GetMapping(ServiceRecords.DOWNLOAD_PATH + "{code}.pdf")
	ResponseEntity<byte[]> download(@PathVariable String code, @RequestParam(required = false) Long expires,
			@RequestParam(required = false) String sig) {
		if (expires == null || sig == null) {
			return refusal(HttpStatus.FORBIDDEN, CommonError.FORBIDDEN, "下载链接无效");
		}
		ServiceCertificate certificate;
		try {
			certificate = this.records.download(code, expires, sig);
		}
		catch (DomainException ex) {
			HttpStatus status = (ex.code() == CommonError.NOT_FOUND) ? HttpStatus.NOT_FOUND : HttpStatus.FORBIDDEN;
			return refusal(status, ex.code(), ex.getMessage());
		}
		String filename = "service-record-" + certificate.getServiceYear() + "-" + certificate.getCode() + ".pdf";
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.cacheControl(CacheControl.noStore())
			.header("Content-Disposition", ContentDisposition.attachment().filename(filename).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(certificate.getPdf());
	}

	/** The error in GraphQL's shape, as every other refusal of this server. */
	private static ResponseEntity<byte[]> refusal(HttpStatus status, ErrorCode code, String message) {
		String body = "{\"errors\":[{\"message\":\"" + message.replace("\"", "'") + "\",\"extensions\":{\"code\":\""
				+ code.name() + "\"}}]}";
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.cacheControl(CacheControl.noStore())
			.body(body.getBytes(StandardCharsets.UTF_8));
	}

}
