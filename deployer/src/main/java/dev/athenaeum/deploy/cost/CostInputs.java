package dev.athenaeum.deploy.cost;

import dev.athenaeum.deploy.template.Architecture;
import dev.athenaeum.deploy.template.DeploymentSettings;
import dev.athenaeum.deploy.template.FrontDoor;

import java.util.Objects;

/**
 * What the estimate is computed from: the user's expectation of traffic and the deployment's settings.
 *
 * @param monthlyRequests   requests a month
 * @param averageDurationMs how long the function takes per request on average, in milliseconds
 * @param indexBytes        the index's size in S3
 * @param imageBytes        the server image's size in ECR
 * @param secret            whether an OpenAI key is kept in Secrets Manager
 */
public record CostInputs(long monthlyRequests, long averageDurationMs, int memoryMb, int ephemeralStorageMb,
                         Architecture architecture, FrontDoor frontDoor, long indexBytes, long imageBytes,
                         boolean secret) {

    public CostInputs {
        if (monthlyRequests < 0) {
            throw new IllegalArgumentException("monthly requests cannot be negative: " + monthlyRequests);
        }
        if (averageDurationMs < 1 || averageDurationMs > 900_000) {
            throw new IllegalArgumentException("the average duration must be between 1 ms and 900000 ms (15 minutes), not "
                    + averageDurationMs);
        }
        if (memoryMb < 128 || memoryMb > 10240) {
            throw new IllegalArgumentException("the memory must be between 128 and 10240 MB, not " + memoryMb);
        }
        if (ephemeralStorageMb < 512 || ephemeralStorageMb > 10240) {
            throw new IllegalArgumentException("the ephemeral storage must be between 512 and 10240 MB, not " + ephemeralStorageMb);
        }
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(frontDoor, "frontDoor");
        if (indexBytes < 0 || imageBytes < 0) {
            throw new IllegalArgumentException("sizes cannot be negative");
        }
    }

    /** The settings' memory, storage, architecture, front door and secret, with the user's traffic and sizes. */
    public static CostInputs of(DeploymentSettings s, long monthlyRequests, long averageDurationMs, long indexBytes,
                                long imageBytes) {
        return new CostInputs(monthlyRequests, averageDurationMs, s.memoryMb(), s.ephemeralStorageMb(),
                s.architecture(), s.frontDoor(), indexBytes, imageBytes, s.openAiKeySecret());
    }
}
