package dev.athenaeum.deploy.upload;

import dev.athenaeum.progress.Cancellation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Sends one file to its object, whole or in parts, each with its SHA-256 so that S3 refuses bytes damaged on the
 * way. A multipart upload that fails or is cancelled is aborted, so no parts are left to pay for.
 */
final class ObjectWriter {

    private final S3Client s3;
    private final UploadOptions options;

    ObjectWriter(S3Client s3, UploadOptions options) {
        this.s3 = s3;
        this.options = options;
    }

    /** {@code sent} is told the bytes of each part (or the whole file) once S3 accepted them. */
    void write(UploadTarget target, LocalFile file, Cancellation cancel, LongConsumer sent) throws IOException {
        String key = target.objectKey(file.sha256());
        if (file.parts() == 1 && file.bytes() <= options.multipartThreshold()) {
            s3.putObject(r -> r.bucket(target.bucket()).key(key).contentLength(file.bytes())
                            .contentType("application/octet-stream").checksumAlgorithm(ChecksumAlgorithm.SHA256)
                            .checksumSHA256(file.s3Checksum()),
                    RequestBody.fromFile(file.path()));
            sent.accept(file.bytes());
            return;
        }
        String uploadId = s3.createMultipartUpload(r -> r.bucket(target.bucket()).key(key)
                .contentType("application/octet-stream").checksumAlgorithm(ChecksumAlgorithm.SHA256)).uploadId();
        boolean completed = false;
        try {
            List<CompletedPart> parts = new ArrayList<>();
            try (InputStream in = Files.newInputStream(file.path())) {
                for (int number = 1; number <= file.parts(); number++) {
                    cancel.check();
                    byte[] bytes = in.readNBytes((int) options.partBytes());
                    String checksum = S3Checksums.base64(S3Checksums.sha256().digest(bytes));
                    int n = number;
                    String etag = s3.uploadPart(r -> r.bucket(target.bucket()).key(key).uploadId(uploadId)
                                    .partNumber(n).contentLength((long) bytes.length).checksumSHA256(checksum),
                            RequestBody.fromBytes(bytes)).eTag();
                    parts.add(CompletedPart.builder().partNumber(n).eTag(etag).checksumSHA256(checksum).build());
                    sent.accept(bytes.length);
                }
            }
            cancel.check();
            s3.completeMultipartUpload(r -> r.bucket(target.bucket()).key(key).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts)));
            completed = true;
        } finally {
            if (!completed) {
                abortQuietly(target, key, uploadId);
            }
        }
    }

    private void abortQuietly(UploadTarget target, String key, String uploadId) {
        try {
            s3.abortMultipartUpload(r -> r.bucket(target.bucket()).key(key).uploadId(uploadId));
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(ObjectWriter.class).warn("could not abort the multipart upload of {}: {}",
                    target.uriOf(key), e.getMessage());
        }
    }
}
