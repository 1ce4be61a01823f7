package cn.wenming.practice.need;

import java.time.Instant;

import cn.wenming.practice.org.OrgLevel;

/**
 * A need stayed too long in {@code stage} (its status) and was escalated to {@code level} (所 or
 * 中心). Published inside the escalating transaction; an {@code @ApplicationModuleListener} sees it
 * after commit. The notification feature tells the admins of that level (subscribe message).
 */
public record NeedEscalated(long needId, long stationId, String stage, OrgLevel level, Instant at) {
}
