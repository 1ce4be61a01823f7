package cn.wenming.practice.media;

import java.time.Clock;
import java.time.Duration;

import cn.wenming.practice.auth.AccessControl;
import cn.wenming.practice.shared.RateLimiter;
import cn.wenming.practice.testinfra.PhotoFiles;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * Issue 17: with {@code APP_MEDIA_PUBLIC_BASE_URL} blank, the URL WeChat's image check fetches was
 * built from the upload request's Host header, so a forged Host made WeChat check another image.
 * Now only the configured address is used; without one no URL is sent at all.
 */
class PhotoCheckHostTest {

	@Test
	void withoutAConfiguredBaseNoCheckUrlIsBuilt() {
		PhotoMapper mapper = mock(PhotoMapper.class);
		doAnswer(invocation -> {
			invocation.<Photo>getArgument(0).setId(7L);
			return 1;
		}).when(mapper).insert(any(Photo.class));
		when(mapper.selectById(7L)).thenReturn(new Photo());
		PhotoStore store = mock(PhotoStore.class);
		when(store.put(any())).thenReturn("0123456789abcdef0123456789abcdef");
		PhotoUrls urls = mock(PhotoUrls.class);
		when(urls.configuredBase()).thenReturn(null);
		when(urls.url(anyString(), anyLong(), anyLong(), any())).thenAnswer(i -> i.getArgument(0) + "/media/photos/7");
		MediaCheck check = mock(MediaCheck.class);
		AccessControl access = mock(AccessControl.class);
		when(access.openidOf(1L)).thenReturn("openid-1");
		RateLimiter limiter = mock(RateLimiter.class);
		when(limiter.take(any(), any())).thenReturn(Duration.ZERO);
		MediaProperties properties = new MediaProperties("data/media", DataSize.ofMegabytes(5), "",
				Duration.ofMinutes(10), Duration.ofHours(2), 5, "", 9,
				new MediaProperties.UploadQuota(30, Duration.ofHours(1)), Duration.ofDays(2), Duration.ofMinutes(5), 320);
		Photos photos = new Photos(mapper, store, urls, check, properties, access, Clock.systemUTC(), limiter);

		photos.upload(1L, PhotoFiles.image("png"));

		verify(urls, never()).url(anyString(), anyLong(), anyLong(), any());
		verify(check).request(eq("openid-1"), isNull());
	}

}
