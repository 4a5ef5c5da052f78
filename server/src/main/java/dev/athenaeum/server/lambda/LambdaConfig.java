package dev.athenaeum.server.lambda;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the Lambda entry is configured with, read from the function's environment variables.
 *
 * @param openAiKey          the key given directly in {@code OPENAI_API_KEY}
 * @param openAiKeySecretArn or the Secrets Manager secret that holds it
 * @param responseStreaming  whether the Function URL uses {@code InvokeMode: RESPONSE_STREAM}
 * @param downloadThreads    parallel S3 downloads on a cold start
 * @param indexCheck         how often, at most, a warm function asks S3 whether a new index was uploaded
 */
public record LambdaConfig(IndexSource index, Path indexDir, AwsSettings aws, Optional<ApiKey> openAiKey,
                           Optional<String> openAiKeySecretArn, boolean responseStreaming, int downloadThreads,
                           java.time.Duration indexCheck) {

    public static final Path DEFAULT_INDEX_DIR = Path.of("/tmp/athenaeum/index");
    public static final int DEFAULT_DOWNLOAD_THREADS = 8;
    public static final java.time.Duration DEFAULT_INDEX_CHECK = java.time.Duration.ofSeconds(60);

    public LambdaConfig {
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(aws, "aws");
        openAiKey = openAiKey == null ? Optional.empty() : openAiKey;
        openAiKeySecretArn = openAiKeySecretArn == null ? Optional.empty() : openAiKeySecretArn;
        if (openAiKey.isPresent() && openAiKeySecretArn.isPresent()) {
            throw new IllegalArgumentException("both OPENAI_API_KEY and OPENAI_API_KEY_SECRET_ARN are set: set one");
        }
        indexDir = Objects.requireNonNull(indexDir, "indexDir").toAbsolutePath().normalize();
        // The download replaces the folder whole, so it must be a folder of its own, never /tmp or / itself.
        if (indexDir.getParent() == null || indexDir.getParent().getParent() == null) {
            throw new IllegalArgumentException("ATHENAEUM_INDEX_DIR " + indexDir
                    + " is too close to the file system root: use a folder of its own, e.g. " + DEFAULT_INDEX_DIR);
        }
        if (downloadThreads < 1 || downloadThreads > 64) {
            throw new IllegalArgumentException("ATHENAEUM_DOWNLOAD_THREADS must be between 1 and 64, not " + downloadThreads);
        }
        indexCheck = indexCheck == null ? DEFAULT_INDEX_CHECK : indexCheck;
        if (indexCheck.isNegative() || indexCheck.toSeconds() > 86_400) {
            throw new IllegalArgumentException("ATHENAEUM_INDEX_CHECK_SECONDS must be between 0 and 86400, not "
                    + indexCheck.toSeconds());
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Reads the configuration from environment variables; throws a one-line explanation if one is wrong. */
    public static LambdaConfig fromEnvironment(Map<String, String> env) {
        Optional<URI> anyEndpoint = uri(env, "AWS_ENDPOINT_URL");
        Optional<URI> s3Endpoint = uri(env, "AWS_ENDPOINT_URL_S3").or(() -> anyEndpoint);
        Optional<URI> secretsEndpoint = uri(env, "AWS_ENDPOINT_URL_SECRETS_MANAGER").or(() -> anyEndpoint);
        boolean pathStyle = flag(env, "ATHENAEUM_S3_FORCE_PATH_STYLE", s3Endpoint.isPresent());
        String region = value(env, "AWS_REGION").orElseGet(() -> value(env, "AWS_DEFAULT_REGION").orElse(null));
        return builder()
                .index(new IndexSource(value(env, "ATHENAEUM_INDEX_BUCKET").orElse(null),
                        value(env, "ATHENAEUM_INDEX_PREFIX").orElse("")))
                .indexDir(value(env, "ATHENAEUM_INDEX_DIR").map(Path::of).orElse(DEFAULT_INDEX_DIR))
                .aws(new AwsSettings(region, s3Endpoint, secretsEndpoint, pathStyle))
                .openAiKey(value(env, "OPENAI_API_KEY").map(ApiKey::new).orElse(null))
                .openAiKeySecretArn(value(env, "OPENAI_API_KEY_SECRET_ARN").orElse(null))
                .responseStreaming(flag(env, "ATHENAEUM_RESPONSE_STREAMING", false))
                .downloadThreads(value(env, "ATHENAEUM_DOWNLOAD_THREADS").map(v -> integer("ATHENAEUM_DOWNLOAD_THREADS", v))
                        .orElse(DEFAULT_DOWNLOAD_THREADS))
                .indexCheck(value(env, "ATHENAEUM_INDEX_CHECK_SECONDS")
                        .map(v -> java.time.Duration.ofSeconds(integer("ATHENAEUM_INDEX_CHECK_SECONDS", v)))
                        .orElse(DEFAULT_INDEX_CHECK))
                .build();
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    private static Optional<URI> uri(Map<String, String> env, String name) {
        return value(env, name).map(v -> {
            try {
                return URI.create(v);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + " is not a URL: " + v);
            }
        });
    }

    // Only the two spellings: a typo such as "ture" must not silently mean false.
    private static boolean flag(Map<String, String> env, String name, boolean fallback) {
        return value(env, name).map(v -> switch (v.toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false, not " + v);
        }).orElse(fallback);
    }

    private static int integer(String name, String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not " + v);
        }
    }

    public static final class Builder {
        private IndexSource index;
        private Path indexDir = DEFAULT_INDEX_DIR;
        private AwsSettings aws;
        private ApiKey openAiKey;
        private String openAiKeySecretArn;
        private boolean responseStreaming;
        private int downloadThreads = DEFAULT_DOWNLOAD_THREADS;
        private java.time.Duration indexCheck = DEFAULT_INDEX_CHECK;

        private Builder() {
        }

        public Builder index(IndexSource index) {
            this.index = index;
            return this;
        }

        public Builder indexDir(Path dir) {
            this.indexDir = dir;
            return this;
        }

        public Builder aws(AwsSettings aws) {
            this.aws = aws;
            return this;
        }

        public Builder openAiKey(ApiKey key) {
            this.openAiKey = key;
            return this;
        }

        public Builder openAiKeySecretArn(String arn) {
            this.openAiKeySecretArn = arn;
            return this;
        }

        public Builder responseStreaming(boolean streaming) {
            this.responseStreaming = streaming;
            return this;
        }

        public Builder downloadThreads(int threads) {
            this.downloadThreads = threads;
            return this;
        }

        public Builder indexCheck(java.time.Duration interval) {
            this.indexCheck = interval;
            return this;
        }

        public LambdaConfig build() {
            return new LambdaConfig(index, indexDir, aws, Optional.ofNullable(openAiKey),
                    Optional.ofNullable(openAiKeySecretArn), responseStreaming, downloadThreads, indexCheck);
        }
    }
}
