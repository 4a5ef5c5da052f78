package dev.athenaeum.deploy.stack;

/** A stack operation failed; the message says why in plain words, and where the stack was left. */
public class StackException extends RuntimeException {

    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
