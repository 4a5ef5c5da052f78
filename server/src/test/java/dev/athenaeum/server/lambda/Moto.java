package dev.athenaeum.server.lambda;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/** AWS settings and clients aimed at a {@link MotoServer}, with dummy credentials and no environment involved. */
final class Moto {

    static final String REGION = "eu-west-1";

    private Moto() {
    }

    static AwsSettings settings(URI endpoint) {
        return new AwsSettings(REGION, Optional.of(endpoint), Optional.of(endpoint), true);
    }

    static AwsClients clients(AwsSettings settings) {
        return new AwsClients(settings, StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")));
    }

    static AwsClients clients(URI endpoint) {
        return clients(settings(endpoint));
    }

    /** The environment a deployed function would have, pointed at moto. */
    static Map<String, String> environment(URI endpoint, String runtimeApi, String bucket, String prefix, String indexDir) {
        return Map.of("AWS_LAMBDA_RUNTIME_API", runtimeApi, "AWS_REGION", REGION,
                "AWS_ENDPOINT_URL", endpoint.toString(), "ATHENAEUM_INDEX_BUCKET", bucket,
                "ATHENAEUM_INDEX_PREFIX", prefix, "ATHENAEUM_INDEX_DIR", indexDir);
    }
}
