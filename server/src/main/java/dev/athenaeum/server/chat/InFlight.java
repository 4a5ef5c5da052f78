package dev.athenaeum.server.chat;

import dev.athenaeum.progress.Cancellation;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The answers being written right now, so shutdown can cancel those still running once the grace period is over
 * instead of leaving their threads to call the model for nobody.
 */
public final class InFlight {

    private final Set<Cancellation> running = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    Cancellation begin() {
        Cancellation c = new Cancellation();
        running.add(c);
        if (stopping) {
            c.cancel();
        }
        return c;
    }

    void end(Cancellation c) {
        running.remove(c);
    }

    public int count() {
        return running.size();
    }

    /** Cancels every answer still running, and every one started from now on: the server is going away. */
    public void cancelAll() {
        stopping = true;
        running.forEach(Cancellation::cancel);
    }

    boolean stopping() {
        return stopping;
    }
}
