package dev.athenaeum.deploy.upload;

/**
 * Where an index goes in S3: {@code s3://bucket/prefix/manifest.json}, and every file it lists as
 * {@code prefix/objects/<SHA-256>}, the layout the Lambda entry downloads (docs/decisions/0013-index-upload.md).
 *
 * @param prefix without leading or trailing slashes; empty for the bucket's root
 */
public record UploadTarget(String bucket, String prefix) {

    static final String MANIFEST = "manifest.json";
    static final String OBJECTS = "objects";

    public UploadTarget {
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException("no bucket given for the index upload");
        }
        bucket = bucket.strip();
        prefix = prefix == null ? "" : prefix.strip().replaceAll("^/+|/+$", "");
    }

    String key(String name) {
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    String manifestKey() {
        return key(MANIFEST);
    }

    String objectsPrefix() {
        return key(OBJECTS) + "/";
    }

    String objectKey(String sha256) {
        return objectsPrefix() + sha256;
    }

    /** The folder-like address of the whole index, for messages. */
    public String uri() {
        return "s3://" + bucket + "/" + (prefix.isEmpty() ? "" : prefix + "/");
    }

    String uriOf(String key) {
        return "s3://" + bucket + "/" + key;
    }
}
