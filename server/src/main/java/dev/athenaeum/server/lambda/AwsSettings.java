package dev.athenaeum.server.lambda;

import java.net.URI;
import java.util.Optional;

/**
 * How to reach AWS. The endpoints follow the SDK's standard variables ({@code AWS_ENDPOINT_URL},
 * {@code AWS_ENDPOINT_URL_S3}, {@code AWS_ENDPOINT_URL_SECRETS_MANAGER}) so that an emulator such as moto can stand
 * in for AWS; emulators usually need path-style bucket addressing, since {@code bucket.localhost} does not resolve.
 */
public record AwsSettings(String region, Optional<URI> s3Endpoint, Optional<URI> secretsEndpoint,
                          boolean forcePathStyle) {

    public AwsSettings {
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("AWS_REGION is not set: Lambda sets it; set it by hand outside Lambda");
        }
        region = region.strip();
        s3Endpoint = s3Endpoint == null ? Optional.empty() : s3Endpoint;
        secretsEndpoint = secretsEndpoint == null ? Optional.empty() : secretsEndpoint;
        s3Endpoint.ifPresent(AwsSettings::checkEndpoint);
        secretsEndpoint.ifPresent(AwsSettings::checkEndpoint);
    }

    private static void checkEndpoint(URI uri) {
        if (uri.getScheme() == null || uri.getHost() == null
                || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            throw new IllegalArgumentException("the AWS endpoint " + uri + " is not an http(s) URL");
        }
    }
}
