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

    Cancellation begin() {
        Cancellation c = new Cancellation();
        running.add(c);
        return c;
    }

    void end(Cancellation c) {
        running.remove(c);
    }

    public int count() {
        return running.size();
    }

    public void cancelAll() {
        running.forEach(Cancellation::cancel);
    }
}
