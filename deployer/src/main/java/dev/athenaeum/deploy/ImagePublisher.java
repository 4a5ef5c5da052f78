package dev.athenaeum.deploy;

import dev.athenaeum.deploy.template.Architecture;
import dev.athenaeum.deploy.template.ImageUri;
import dev.athenaeum.progress.Cancellation;

/**
 * Provides the server image a stack's function runs: builds it and pushes it into the stack's own repository, and
 * removes that repository when the stack goes. A deployment given an image built elsewhere does not call it.
 */
public interface ImagePublisher {

    /**
     * Builds the server image for {@code architecture} and pushes it into {@code repository} (created if needed).
     *
     * @return the pushed image by digest
     */
    ImageUri publish(String repository, Architecture architecture, DeploymentListener listener, Cancellation cancel);

    /** Deletes the repository with every image in it; false when there was none. */
    boolean delete(String repository);
}
