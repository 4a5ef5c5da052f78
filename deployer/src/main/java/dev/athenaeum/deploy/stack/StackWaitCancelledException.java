package dev.athenaeum.deploy.stack;

/**
 * Waiting was cancelled. CloudFormation carries on with the operation regardless; the message says in which state
 * the stack was last seen.
 */
public final class StackWaitCancelledException extends StackException {

    public StackWaitCancelledException(String message) {
        super(message);
    }
}
