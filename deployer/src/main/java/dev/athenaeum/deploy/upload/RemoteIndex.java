package dev.athenaeum.deploy.upload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What S3 holds under an index's prefix: its objects with their checksums, and the manifest now published. */
final class RemoteIndex {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final S3Client s3;
    private final UploadTarget target;

    RemoteIndex(S3Client s3, UploadTarget target) {
        this.s3 = s3;
        this.target = target;
    }

    /** Whether S3 holds the file's object with its size and the SHA-256 checksum S3 computed on receipt. */
    boolean holds(LocalFile file) {
        return problem(file).isEmpty();
    }

    /** What is wrong with the object of a file in S3, if anything. */
    Optional<String> problem(LocalFile file) {
        String key = target.objectKey(file.sha256());
        HeadObjectResponse head;
        try {
            head = s3.headObject(r -> r.bucket(target.bucket()).key(key).checksumMode(ChecksumMode.ENABLED));
        } catch (NoSuchKeyException e) {
            return Optional.of(file.relative() + ": " + target.uriOf(key) + " is missing");
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.of(file.relative() + ": " + target.uriOf(key) + " is missing");
            }
            throw e;
        }
        if (head.contentLength() == null || head.contentLength() != file.bytes()) {
            return Optional.of(file.relative() + ": " + target.uriOf(key) + " has " + head.contentLength()
                    + " bytes, not " + file.bytes());
        }
        if (!S3Checksums.matches(file, head.checksumSHA256())) {
            return Optional.of(file.relative() + ": the SHA-256 S3 holds for " + target.uriOf(key)
                    + (head.checksumSHA256() == null ? " is none" : " differs") + " (expected " + file.s3Checksum() + ")");
        }
        return Optional.empty();
    }

    /** The manifest now published, if any. */
    Optional<byte[]> manifest() {
        try {
            return Optional.of(s3.getObjectAsBytes(r -> r.bucket(target.bucket()).key(target.manifestKey())).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    /** The objects a published manifest names; none when it cannot be read as an index manifest. */
    static Set<String> objectsOf(byte[] manifest) {
        Set<String> shas = new HashSet<>();
        try {
            JsonNode checksums = JSON.readTree(manifest).path("checksums");
            checksums.properties().forEach(e -> shas.add(e.getValue().path("sha256").asText()));
        } catch (IOException e) {
            // Not an index's manifest: nothing of it needs keeping.
        }
        return shas;
    }

    /** Deletes the content-addressed objects that are not in {@code keep}; returns how many were deleted. */
    int deleteAllBut(Set<String> keep) {
        List<ObjectIdentifier> doomed = new ArrayList<>();
        for (S3Object o : s3.listObjectsV2Paginator(r -> r.bucket(target.bucket()).prefix(target.objectsPrefix())).contents()) {
            String name = o.key().substring(target.objectsPrefix().length());
            if (!keep.contains(name)) {
                doomed.add(ObjectIdentifier.builder().key(o.key()).build());
            }
        }
        for (int from = 0; from < doomed.size(); from += 1000) {
            List<ObjectIdentifier> batch = doomed.subList(from, Math.min(doomed.size(), from + 1000));
            s3.deleteObjects(r -> r.bucket(target.bucket()).delete(d -> d.objects(batch).quiet(true)));
        }
        return doomed.size();
    }
}
