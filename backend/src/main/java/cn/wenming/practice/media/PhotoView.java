package cn.wenming.practice.media;

/**
 * A photo as one viewer may see it: {@code url} (signed, expiring) only when the viewer may fetch
 * the bytes, i.e. when it passed the check, or to its uploader while pending.
 */
public record PhotoView(long id, PhotoStatus status, String url) {
}
