package dev.athenaeum.server.lambda;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Notices that the deployer uploaded a new index: at most once per interval, after an invocation was answered, it
 * asks S3 for the ETag of manifest.json and compares it with the one the cold start installed. A failed check
 * keeps the function serving what it has; only a different ETag counts as a change.
 */
final class IndexWatch {

    private static final Logger log = LoggerFactory.getLogger(IndexWatch.class);

    private final S3Client s3;
    private final IndexSource source;
    private final String installedETag;
    private final long intervalNanos;
    private final LongSupplier clock;
    private long lastCheck;

    IndexWatch(S3Client s3, IndexSource source, String installedETag, Duration interval, LongSupplier clock) {
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.source = Objects.requireNonNull(source, "source");
        this.installedETag = Objects.requireNonNull(installedETag, "installedETag");
        this.intervalNanos = interval.toNanos();
        this.clock = clock;
        this.lastCheck = clock.getAsLong();
    }

    /** True once S3 holds another manifest than the installed one; asks S3 only when the interval has passed. */
    boolean changed() {
        long now = clock.getAsLong();
        if (now - lastCheck < intervalNanos) {
            return false;
        }
        lastCheck = now;
        try {
            String etag = s3.headObject(r -> r.bucket(source.bucket()).key(source.key(IndexDownloader.MANIFEST))).eTag();
            if (installedETag.equals(etag)) {
                return false;
            }
            log.info("a new index was uploaded to {} (manifest.json {} → {})", source.uri(), installedETag, etag);
            return true;
        } catch (SdkException e) {
            log.warn("could not check {} for a new index, serving the installed one: {}",
                    source.uri(IndexDownloader.MANIFEST), Messages.firstLine(e.getMessage()));
            return false;
        }
    }
}
