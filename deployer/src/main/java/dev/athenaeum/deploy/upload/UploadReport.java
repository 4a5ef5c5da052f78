package dev.athenaeum.deploy.upload;

import java.time.Duration;

/**
 * What an upload did.
 *
 * @param filesSent      files sent, all verified in S3 afterwards
 * @param filesUnchanged files S3 already held with the same SHA-256, not sent again
 * @param objectsDeleted objects of neither this index nor the one it replaced
 * @param manifestETag   the ETag of the manifest.json written, which running functions compare to notice it
 */
public record UploadReport(String uri, int filesSent, int filesUnchanged, long bytesSent, int objectsDeleted,
                           String manifestETag, Duration took) {
}
