/**
 * 随手拍 (seed 001 "让随手拍与志愿服务相结合"): a registered volunteer reports an uncivil behaviour or an
 * urban problem (parking, litter, a broken facility…) with photos and a location; the nearest station's
 * staff triage it (accept with a deadline or reject with a reason), route it to a team or to the
 * department responsible, resolve it, and another admin verifies the resolution. A verified report is
 * announced as {@link cn.wenming.practice.civic.CivicReportVerified}, which the points feature turns into
 * an award once. Photos follow the needs' rule (staff covering the station and the reporter; publicly
 * only once staff marked them publishable: no faces, no plates) through
 * {@link cn.wenming.practice.media.PhotoAccess}; the reporter is never named publicly. The monthly counts
 * by category and station reach the assessment and the 落实清单 through
 * {@link cn.wenming.practice.civic.CivicStatistics}.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "auth", "media", "org", "team", "volunteer" })
package cn.wenming.practice.civic;
