package dev.athenaeum.deploy;

import dev.athenaeum.progress.Cancellation;

import java.nio.file.Path;

/**
 * Puts an index folder into the stack's bucket under one prefix, where the function loads it from, sending only
 * what the bucket does not hold yet.
 */
public interface IndexPublisher {

    /**
     * Uploads the index under {@code prefix} of {@code bucket}; running functions load it at their next check.
     *
     * @return one line on what was sent, for the step's outcome
     */
    String publish(Path index, String bucket, String prefix, DeploymentListener listener, Cancellation cancel);
}
