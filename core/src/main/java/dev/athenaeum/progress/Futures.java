package dev.athenaeum.progress;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Waiting for background work so that its failure reads as if the work had run on the caller's thread. */
public final class Futures {

    private Futures() {
    }

    /** The result, or the work's own unchecked exception rather than the {@link CompletionException} around it. */
    public static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
