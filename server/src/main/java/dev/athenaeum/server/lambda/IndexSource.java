package dev.athenaeum.server.lambda;

/**
 * Where the deployer uploaded the index: {@code s3://bucket/prefix/manifest.json} and, beside it, every file the
 * manifest lists, under the same relative paths as in the generation folder.
 *
 * @param prefix without leading or trailing slashes; empty for the bucket's root
 */
public record IndexSource(String bucket, String prefix) {

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
