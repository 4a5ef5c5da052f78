package dev.athenaeum.server.lambda;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The init phase of the function: index from S3 into local storage, OpenAI key, HTTP server on loopback. Any
 * failure stops the init, so Lambda reports it and never routes a request to a half-started function.
 */
public final class ColdStart {

    private static final Logger log = LoggerFactory.getLogger(ColdStart.class);
    private static final Duration HEALTHY_WITHIN = Duration.ofSeconds(30);

    private final LambdaConfig config;
    private final ServerStarter starter;
    private final AwsClients aws;

    public ColdStart(LambdaConfig config, ServerStarter starter, AwsClients aws) {
        this.config = config;
        this.starter = starter;
        this.aws = aws;
    }

    /** The started server, which already answered its health check, and the watch for a newer index. */
    record Warm(LocalForwarder local, IndexWatch watch) {
    }

    Warm start() throws Exception {
        IndexDownloader.Downloaded index;
        try (S3Client s3 = aws.s3()) {
            index = new IndexDownloader(s3, config.downloadThreads()).fetch(config.index(), config.indexDir());
        }
        Path indexDir = index.dir();
        Optional<ApiKey> key = OpenAiKeyResolver.resolve(config, aws::secretsManager);
        log.info("OpenAI key {}", key.isEmpty() ? "not configured: chat completions will be refused"
                : config.openAiKeySecretArn().map(arn -> "read from " + arn).orElse("read from OPENAI_API_KEY"));
        int port = starter.start(indexDir, key);
        LocalForwarder local = new LocalForwarder(port);
        local.awaitHealthy(HEALTHY_WITHIN);
        log.info("server listening on 127.0.0.1:{}, responses {}", port, config.responseStreaming() ? "streamed" : "buffered");
        // The watch's client lives as long as the function; the JDK's HTTP client holds no threads.
        return new Warm(local, new IndexWatch(aws.s3(), config.index(), index.manifestETag(), config.indexCheck(),
                System::nanoTime));
    }
}
