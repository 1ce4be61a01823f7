/**
 * Photos (照片): upload over HTTP (jpeg/png by magic bytes, size-limited, local disk), WeChat's
 * asynchronous image check (mediaCheckAsync v2) with its result pushed to the message endpoint
 * {@code /wx/ma/portal}, and signed expiring URLs for the bytes. Photos are shown only after WeChat
 * passed them (the uploader sees their own while pending). Other features attach photos through
 * {@link cn.wenming.practice.media.Photos} and decide who sees them by implementing
 * {@link cn.wenming.practice.media.PhotoAccess}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "auth" })
package cn.wenming.practice.media;
