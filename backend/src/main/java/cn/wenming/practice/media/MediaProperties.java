package cn.wenming.practice.media;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Photos ({@code app.media.*}).
 *
 * @param storageDir where photo files are kept (created when missing)
 * @param maxPhotoSize the largest photo accepted; the servlet multipart limit is set well above it
 * so that a larger upload is still answered with {@code PHOTO_TOO_LARGE}
 * @param publicBaseUrl the backend's public address (https://api.example.org), used for the URLs
 * WeChat fetches photos from; blank: the uploading request's own address (the retry job cannot
 * re-send then)
 * @param viewUrlTtl how long a photo URL handed to a viewer works
 * @param checkUrlTtl how long the URL handed to WeChat's asynchronous check works
 * @param checkMaxAttempts how often a photo's check request is sent before giving up (it stays
 * pending, visible only to its uploader)
 * @param messageToken the token configured for the mini-program's message push (消息推送), which
 * WeChat signs its callbacks with; blank: every callback is refused
 * @param maxPhotosPerPart how many photos a need (or a completion) may carry
 * @param uploadQuota uploads per user: {@code capacity} at once, refilled over {@code refillPeriod}
 * (each upload spends WeChat's {@code mediaCheckAsync} quota and disk)
 * @param unattachedMaxAge how long a photo may stay unattached before the clean-up job deletes it
 * @param messageMaxAge how far a pushed message's signed {@code timestamp} may be from now (either
 * way) before it is refused: a captured callback cannot be replayed later
 * @param thumbnailMaxSide the longest side of a photo's thumbnail, in pixels (a JPEG made at upload)
 */
@Validated
@ConfigurationProperties("app.media")
record MediaProperties(@NotBlank @DefaultValue("data/media") String storageDir,
		@NotNull @DefaultValue("5MB") DataSize maxPhotoSize, String publicBaseUrl,
		@NotNull @DefaultValue("10m") Duration viewUrlTtl, @NotNull @DefaultValue("2h") Duration checkUrlTtl,
		@Min(1) @DefaultValue("5") int checkMaxAttempts, String messageToken,
		@Min(1) @DefaultValue("9") int maxPhotosPerPart, @Valid @NotNull @DefaultValue UploadQuota uploadQuota,
		@NotNull @DefaultValue("2d") Duration unattachedMaxAge,
		@NotNull @DefaultValue("5m") Duration messageMaxAge,
		@Min(32) @Max(1024) @DefaultValue("320") int thumbnailMaxSide) {

	record UploadQuota(@Min(1) @DefaultValue("30") int capacity, @NotNull @DefaultValue("1h") Duration refillPeriod) {
	}

	@Override
	public String toString() {
		return "MediaProperties[storageDir=" + this.storageDir + ", maxPhotoSize=" + this.maxPhotoSize
				+ ", publicBaseUrl=" + this.publicBaseUrl + ", messageToken=***]";
	}

}
