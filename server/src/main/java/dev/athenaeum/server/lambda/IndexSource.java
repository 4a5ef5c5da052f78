package dev.athenaeum.server.lambda;

/**
 * Where the deployer uploaded the index: {@code s3://bucket/prefix/manifest.json} and, beside it, every file the
 * manifest lists as {@code objects/<its SHA-256>}: content-addressed, so an upload never changes an object that a
 * reader of the previous manifest may still fetch (see docs/decisions/0013-index-upload.md).
 *
 * @param prefix without leading or trailing slashes; empty for the bucket's root
 */
public record IndexSource(String bucket, String prefix) {

    /** The folder under the prefix that holds the index's files, named by their SHA-256. */
    public static final String OBJECTS = "objects";

    public IndexSource {
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException("ATHENAEUM_INDEX_BUCKET is not set: name the S3 bucket that holds the index");
        }
        bucket = bucket.strip();
        prefix = trimSlashes(prefix == null ? "" : prefix.strip());
    }

    /** The object key of a file of the index. */
    public String key(String relativePath) {
        return prefix.isEmpty() ? relativePath : prefix + "/" + relativePath;
    }

    /** The object key of a file of the index with this SHA-256 (64 lower-case hex digits). */
    public String objectKey(String sha256) {
        return key(OBJECTS + "/" + sha256);
    }

    public String objectUri(String sha256) {
        return "s3://" + bucket + "/" + objectKey(sha256);
    }

    public String uri(String relativePath) {
        return "s3://" + bucket + "/" + key(relativePath);
    }

    /** The folder-like address of the whole index, for messages. */
    public String uri() {
        return "s3://" + bucket + "/" + (prefix.isEmpty() ? "" : prefix + "/");
    }

    private static String trimSlashes(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && s.charAt(from) == '/') {
            from++;
        }
        while (to > from && s.charAt(to - 1) == '/') {
            to--;
        }
        return s.substring(from, to);
    }
}
