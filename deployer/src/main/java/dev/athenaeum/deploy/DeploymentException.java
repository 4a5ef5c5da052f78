package dev.athenaeum.deploy;

/** A deployment cannot go on; the message says why in one line. */
public final class DeploymentException extends RuntimeException {

    public DeploymentException(String message) {
        super(message);
    }
}
