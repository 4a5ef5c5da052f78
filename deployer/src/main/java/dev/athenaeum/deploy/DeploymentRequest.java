package dev.athenaeum.deploy;

import dev.athenaeum.deploy.stack.SecretValue;
import dev.athenaeum.deploy.template.DeploymentSettings;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One deployment as asked for.
 *
 * @param index           the index folder to publish
 * @param openAiKey       a key to store; empty keeps the one stored before
 * @param monthlyRequests the traffic the cost estimate assumes
 */
public record DeploymentRequest(DeploymentSettings settings, Path index, Optional<SecretValue> openAiKey,
                                long monthlyRequests) {

    /** What a search takes on a warm function, for the estimate; answers written by a chat model take longer. */
    public static final long AVERAGE_DURATION_MS = 300;
    /** The server image is about this large (a JRE, the server's jars and the embedding model). */
    public static final long IMAGE_BYTES = 400L << 20;

    public DeploymentRequest {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(index, "index");
        openAiKey = openAiKey == null ? Optional.empty() : openAiKey;
        if (monthlyRequests < 0) {
            throw new IllegalArgumentException("monthly requests cannot be negative: " + monthlyRequests);
        }
    }
}
