package dev.athenaeum.server.lambda;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.time.Duration;
import java.util.Objects;

/**
 * Builds the AWS clients of a cold start. The JDK's URL connection client is used rather than Apache or Netty: it
 * adds no threads or jars and a cold start makes only a few dozen calls.
 */
public final class AwsClients {

    private final AwsSettings settings;
    private final AwsCredentialsProvider credentials;

    public AwsClients(AwsSettings settings, AwsCredentialsProvider credentials) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
    }

    /** In Lambda the default chain finds the execution role's credentials in the environment. */
    public static AwsClients withDefaultCredentials(AwsSettings settings) {
        return new AwsClients(settings, DefaultCredentialsProvider.builder().build());
    }

    public S3Client s3() {
        var builder = S3Client.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                .httpClient(http())
                .forcePathStyle(settings.forcePathStyle());
        settings.s3Endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    public SecretsManagerClient secretsManager() {
        var builder = SecretsManagerClient.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                .httpClient(http());
        settings.secretsEndpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private static SdkHttpClient http() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(5))
                .socketTimeout(Duration.ofSeconds(60))
                .build();
    }
}
