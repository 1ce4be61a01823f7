package cn.wenming.practice.activity;

import java.time.Duration;
import java.util.Base64;
import java.util.regex.Pattern;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.wenming.practice.auth.AccessControl;
import cn.wenming.practice.shared.CommonError;
import cn.wenming.practice.shared.DomainException;
import cn.wenming.practice.shared.WechatErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * 小程序码 for an activity's posters and articles: WeChat's unlimited wxacode (no quota, but at
 * most 32 characters of {@code scene}) opening the sign-up page with {@code scene=a=<id>&s=<source>},
 * so a sign-up made from a printed poster is counted under its source by {@code signUpSources}.
 * For the admins covering the activity. The image never changes for an activity and source, so it
 * is fetched from WeChat once and kept in Redis (WeChat limits the call rate, and a poster is
 * printed by many stations at once).
 */
@Component
class ActivityPosters {

	private static final Logger log = LoggerFactory.getLogger(ActivityPosters.class);

	/** The sign-up page; it reads {@code scene} from {@code onLoad(query)}. */
	static final String PAGE = "pages/activity/activity";

	/** WeChat's limit on {@code scene}. */
	static final int MAX_SCENE = 32;

	/** The same shape as a sign-up's {@code source} (SignUpService), so the scene's source is accepted there. */
	private static final Pattern SOURCE = Pattern.compile("[a-z0-9_-]{1,20}");

	static final String KEY_PREFIX = "activity:wxacode:";

	// Long but finite: a code for a finished activity is not kept forever.
	private static final Duration CACHE_FOR = Duration.ofDays(30);

	private static final int WIDTH = 430;

	private final ActivityService activities;

	private final AccessControl access;

	private final WxMaService wechat;

	private final StringRedisTemplate redis;

	private final String envVersion;

	ActivityPosters(ActivityService activities, AccessControl access, WxMaService wechat, StringRedisTemplate redis,
			ActivityProperties properties) {
		this.activities = activities;
		this.access = access;
		this.wechat = wechat;
		this.redis = redis;
		this.envVersion = properties.wxacodeEnvVersion();
	}

	/** The scene for an activity and source, or BAD_REQUEST when the source is malformed or the scene too long. */
	static String scene(long activityId, String source) {
		if (source == null || !SOURCE.matcher(source).matches()) {
			throw DomainException.badRequest("来源须为 1–20 位小写字母、数字、下划线或连字符");
		}
		String scene = "a=" + activityId + "&s=" + source;
		if (scene.length() > MAX_SCENE) {
			throw DomainException.badRequest("来源过长：小程序码参数最多 " + MAX_SCENE + " 个字符");
		}
		return scene;
	}

	/** The 小程序码 image (PNG or JPEG as WeChat sends it) of an activity's sign-up page for a source. */
	byte[] wxaCode(long activityId, String source) {
		this.access.requireUserId();
		String scene = scene(activityId, source);
		Activity activity = this.activities.byId(activityId);
		if (activity == null) {
			throw DomainException.notFound("活动");
		}
		this.access.requireAdminOver(this.activities.pathOf(activity));
		String key = KEY_PREFIX + activityId + ":" + source;
		String cached = cached(key);
		if (cached != null) {
			return Base64.getDecoder().decode(cached);
		}
		// check_path off: the code must work for a page of a version not yet released (trial, develop).
		byte[] image = WechatErrors.call("getwxacodeunlimit", () -> this.wechat.getQrcodeService()
			.createWxaCodeUnlimitBytes(scene, PAGE, false, this.envVersion, WIDTH, false, null, false));
		try {
			this.redis.opsForValue().set(key, Base64.getEncoder().encodeToString(image), CACHE_FOR);
		}
		catch (RuntimeException ex) {
			log.warn("Could not cache the wxacode of activity {}: {}", activityId, ex.getClass().getSimpleName());
		}
		return image;
	}

	private String cached(String key) {
		try {
			return this.redis.opsForValue().get(key);
		}
		catch (RuntimeException ex) {
			// Redis down: ask WeChat instead of refusing the admin.
			log.warn("Could not read the wxacode cache: {}", ex.getClass().getSimpleName());
			return null;
		}
	}

}
