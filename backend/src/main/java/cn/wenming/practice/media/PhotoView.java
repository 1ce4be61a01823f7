package cn.wenming.practice.media;

/**
 * A photo as one viewer may see it: {@code url} (signed, expiring) only when the viewer may fetch
 * the bytes, i.e. when it passed the check, or to its uploader while pending; {@code thumbnailUrl}
 * likewise for its small JPEG, null also when the photo has none (it could not be decoded).
 */
public record PhotoView(long id, PhotoStatus status, String url, String thumbnailUrl) {
}
