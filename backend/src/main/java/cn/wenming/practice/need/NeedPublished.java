package cn.wenming.practice.need;

import java.time.Instant;

/**
 * The station published a need to the wish wall (审核通过). Published inside the publishing
 * transaction; consume it with {@code @ApplicationModuleListener}.
 */
public record NeedPublished(long needId, Instant at) {
}
