package dev.athenaeum.deploy.image;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * What the server image is built from and where it is pushed.
 *
 * @param baseImage a public image with a Linux JRE 21 or newer
 * @param registry  a registry to push to instead of the ECR repository's own host, e.g. {@code 127.0.0.1:5000} for a
 *                  run against an AWS emulator; the repository's name is kept
 */
public record ImageSource(String baseImage, Optional<String> registry) {

    /** Names the registry that replaces ECR's host (set together with {@code AWS_ENDPOINT_URL}). */
    public static final String REGISTRY_VARIABLE = "ATHENAEUM_IMAGE_REGISTRY";

    public ImageSource {
        Objects.requireNonNull(baseImage, "baseImage");
        if (baseImage.isBlank()) {
            throw new IllegalArgumentException("no base image given: use a Linux image with Java 21 or newer, e.g. "
                    + ImageSettings.DEFAULT_BASE);
        }
        registry = registry == null ? Optional.empty() : registry.map(String::strip).filter(r -> !r.isEmpty());
        registry.ifPresent(r -> {
            if (r.contains("/") || r.contains("@")) {
                throw new IllegalArgumentException(REGISTRY_VARIABLE + " must be a registry's host[:port], not " + r);
            }
        });
    }

    /** The default base image, and the registry named by the environment, if any. */
    public static ImageSource of(String baseImage, java.util.Map<String, String> env) {
        return new ImageSource(baseImage == null ? ImageSettings.DEFAULT_BASE : baseImage,
                Optional.ofNullable(env.get(REGISTRY_VARIABLE)));
    }

    String pushTarget(EcrRegistry.EcrRepository repository) {
        return registry.map(r -> r + "/" + repository.name()).orElse(repository.uri());
    }

    /** The server as this program carries it; fails when the server module is not part of the build. */
    ServerDistribution server() throws IOException {
        return ServerDistribution.fromClasspath();
    }

    /** Registries on this machine may speak plain HTTP; any other never gets credentials over it. */
    static boolean isLoopback(String reference) {
        String host = reference.substring(0, reference.indexOf('/'));
        int colon = host.lastIndexOf(':');
        host = colon < 0 ? host : host.substring(0, colon);
        return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
    }
}
