package dev.athenaeum.deploy.upload;

import dev.athenaeum.progress.Cancellation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Uploads a local index to S3 for the Lambda function (docs/decisions/0013-index-upload.md). Files are objects
 * named by their SHA-256, so only files S3 does not hold yet are sent, and no object a reader may be fetching ever
 * changes. Every object is verified against the checksum S3 computed before manifest.json, written last in one
 * PUT, makes the new index visible. Objects of neither the new nor the previous index are deleted afterwards.
 */
public final class IndexUploader {

    private static final Logger log = LoggerFactory.getLogger(IndexUploader.class);

    private final S3Client s3;
    private final UploadOptions options;

    public IndexUploader(S3Client s3, UploadOptions options) {
        this.s3 = s3;
        this.options = options;
    }

    /** Uploads what changed; a failure or a cancel ({@code CancelledException}) leaves the published index as it was. */
    public UploadReport upload(Path indexDir, UploadTarget target, UploadListener listener, Cancellation cancel)
            throws UploadException {
        long started = System.nanoTime();
        try {
            LocalIndex local = LocalIndex.read(indexDir, options);
            RemoteIndex remote = new RemoteIndex(s3, target);
            Map<String, LocalFile> toSend = new LinkedHashMap<>();
            int unchanged = 0;
            for (LocalFile f : local.files()) {
                cancel.check();
                listener.onProgress(new UploadProgress(UploadProgress.Phase.COMPARING, 0, 0, 0, 0, f.relative()));
                if (toSend.containsKey(f.sha256()) || !remote.holds(f)) {
                    toSend.putIfAbsent(f.sha256(), f);
                } else {
                    unchanged++;
                }
            }
            long total = toSend.values().stream().mapToLong(LocalFile::bytes).sum();
            long[] sent = {0};
            int files = 0;
            ObjectWriter writer = new ObjectWriter(s3, options);
            for (LocalFile f : toSend.values()) {
                cancel.check();
                int done = files;
                listener.onProgress(new UploadProgress(UploadProgress.Phase.SENDING, sent[0], total, done, toSend.size(), f.relative()));
                writer.write(target, f, cancel, n -> {
                    sent[0] += n;
                    listener.onProgress(new UploadProgress(UploadProgress.Phase.SENDING, sent[0], total, done,
                            toSend.size(), f.relative()));
                });
                files++;
            }
            listener.onProgress(new UploadProgress(UploadProgress.Phase.VERIFYING, sent[0], total, files, toSend.size(), ""));
            List<String> bad = problems(remote, toSend.values());
            if (!bad.isEmpty()) {
                throw new UploadException("S3 does not hold what was sent to " + target.uri() + ": " + String.join("; ", bad)
                        + " (manifest.json was not replaced)");
            }
            cancel.check();
            Set<String> keep = new HashSet<>();
            local.files().forEach(f -> keep.add(f.sha256()));
            remote.manifest().map(RemoteIndex::objectsOf).ifPresent(keep::addAll);
            listener.onProgress(new UploadProgress(UploadProgress.Phase.PUBLISHING, sent[0], total, files, toSend.size(), UploadTarget.MANIFEST));
            String etag = publish(target, local.manifest());
            listener.onProgress(new UploadProgress(UploadProgress.Phase.CLEANING, sent[0], total, files, toSend.size(), ""));
            int deleted = remote.deleteAllBut(keep);
            UploadReport report = new UploadReport(target.uri(), toSend.size(), unchanged, sent[0], deleted, etag,
                    Duration.ofNanos(System.nanoTime() - started));
            listener.onProgress(new UploadProgress(UploadProgress.Phase.DONE, sent[0], total, files, toSend.size(), ""));
            log.info("index uploaded to {}: {} files sent ({} bytes), {} unchanged, {} old objects deleted, in {} ms",
                    target.uri(), report.filesSent(), report.bytesSent(), unchanged, deleted, report.took().toMillis());
            return report;
        } catch (NoSuchBucketException e) {
            throw new UploadException("cannot upload the index: the bucket " + target.bucket() + " does not exist", e);
        } catch (S3Exception e) {
            String detail = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
            throw new UploadException("cannot upload the index to " + target.uri() + ": " + detail + " (HTTP "
                    + e.statusCode() + ")", e);
        } catch (SdkException e) {
            throw new UploadException("cannot upload the index to " + target.uri() + ": " + firstLine(e.getMessage()), e);
        } catch (IOException e) {
            throw new UploadException("cannot read the index at " + indexDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Compares what S3 holds at {@code target} with the local index: the published manifest and every object it
     * needs, by size and by the SHA-256 S3 computed. Returns one line per problem; empty when S3 holds this index.
     */
    public List<String> verify(Path indexDir, UploadTarget target) throws UploadException {
        try {
            LocalIndex local = LocalIndex.read(indexDir, options);
            RemoteIndex remote = new RemoteIndex(s3, target);
            List<String> bad = new ArrayList<>();
            Optional<byte[]> manifest = remote.manifest();
            if (manifest.isEmpty()) {
                bad.add(UploadTarget.MANIFEST + ": " + target.uriOf(target.manifestKey()) + " is missing");
            } else if (!java.util.Arrays.equals(manifest.get(), local.manifest())) {
                bad.add(UploadTarget.MANIFEST + ": " + target.uriOf(target.manifestKey()) + " is another index's");
            }
            bad.addAll(problems(remote, local.files()));
            return bad;
        } catch (SdkException e) {
            throw new UploadException("cannot check the index at " + target.uri() + ": " + firstLine(e.getMessage()), e);
        } catch (IOException e) {
            throw new UploadException("cannot read the index at " + indexDir + ": " + e.getMessage(), e);
        }
    }

    private static List<String> problems(RemoteIndex remote, java.util.Collection<LocalFile> files) {
        List<String> bad = new ArrayList<>();
        for (LocalFile f : files) {
            remote.problem(f).ifPresent(bad::add);
        }
        return bad;
    }

    /** One PUT: S3 readers see the old manifest or the new one, never a mixture. */
    private String publish(UploadTarget target, byte[] manifest) {
        return s3.putObject(r -> r.bucket(target.bucket()).key(target.manifestKey()).contentType("application/json")
                        .checksumAlgorithm(software.amazon.awssdk.services.s3.model.ChecksumAlgorithm.SHA256)
                        .checksumSHA256(S3Checksums.base64(S3Checksums.sha256().digest(manifest))),
                RequestBody.fromBytes(manifest)).eTag();
    }

    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "no details";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).strip();
    }
}
