package dev.athenaeum.deploy.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sts.StsClient;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and as whom the deployer talks to AWS: a region, credentials (the default chain, or one named profile of
 * {@code ~/.aws/config}) and, for emulators, one endpoint for every service. The SDK's own {@code AWS_ENDPOINT_URL}
 * setting is honoured as well; an explicit endpoint also switches S3 to path-style addressing, which emulators need.
 *
 * @param profile     the named profile, or empty for the default chain (environment, default profile, SSO, …)
 * @param region      the region every client uses
 * @param endpoint    one endpoint for every service, or empty for AWS itself
 * @param credentials the credentials the clients sign with
 */
public record AwsSession(Optional<String> profile, Region region, Optional<URI> endpoint,
                         AwsCredentialsProvider credentials) {

    public AwsSession {
        profile = profile == null ? Optional.empty() : profile;
        Objects.requireNonNull(region, "region");
        endpoint = endpoint == null ? Optional.empty() : endpoint;
        Objects.requireNonNull(credentials, "credentials");
    }

    /**
     * The session a user asked for: their profile (or the default chain) in their region, and the endpoint of
     * {@code AWS_ENDPOINT_URL} when the environment sets one.
     */
    public static AwsSession of(Optional<String> profile, Region region, Map<String, String> env) {
        AwsCredentialsProvider credentials = profile
                .<AwsCredentialsProvider>map(p -> ProfileCredentialsProvider.builder().profileName(p).build())
                .orElseGet(() -> DefaultCredentialsProvider.builder().build());
        Optional<URI> endpoint = Optional.ofNullable(env.get("AWS_ENDPOINT_URL")).filter(v -> !v.isBlank())
                .map(v -> {
                    try {
                        return URI.create(v.strip());
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("AWS_ENDPOINT_URL is not a URL: " + v);
                    }
                });
        return new AwsSession(profile, region, endpoint, credentials);
    }

    public StsClient sts() {
        return configure(StsClient.builder()).httpClient(http()).build();
    }

    public S3Client s3() {
        var builder = configure(S3Client.builder()).httpClient(http());
        if (endpoint.isPresent()) {
            // Emulators serve buckets under paths, not host names, and may refuse the newer checksum headers.
            builder.forcePathStyle(true).requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED);
        }
        return builder.build();
    }

    public CloudFormationClient cloudFormation() {
        return configure(CloudFormationClient.builder()).httpClient(http()).build();
    }

    public EcrClient ecr() {
        return configure(EcrClient.builder()).httpClient(http()).build();
    }

    public LambdaClient lambda() {
        return configure(LambdaClient.builder()).httpClient(http()).build();
    }

    public SecretsManagerClient secretsManager() {
        return configure(SecretsManagerClient.builder()).httpClient(http()).build();
    }

    private <B extends AwsClientBuilder<B, ?>> B configure(B builder) {
        builder.region(region).credentialsProvider(credentials);
        endpoint.ifPresent(builder::endpointOverride);
        return builder;
    }

    private static SdkHttpClient http() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(10))
                .socketTimeout(Duration.ofSeconds(120))
                .build();
    }
}
