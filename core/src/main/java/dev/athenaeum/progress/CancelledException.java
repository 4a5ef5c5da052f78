package dev.athenaeum.progress;

/** Work stopped because it was cancelled; whatever existed before it started is unchanged. */
public final class CancelledException extends RuntimeException {

    public CancelledException() {
        super("cancelled", null, false, false);
    }
}
