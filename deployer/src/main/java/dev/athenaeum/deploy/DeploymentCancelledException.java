package dev.athenaeum.deploy;

/** A deployment stopped because it was cancelled; the message says what stays as it was and what may not. */
public final class DeploymentCancelledException extends RuntimeException {

    public DeploymentCancelledException(String message) {
        super(message);
    }
}
