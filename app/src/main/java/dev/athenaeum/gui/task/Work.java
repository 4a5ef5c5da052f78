package dev.athenaeum.gui.task;

import dev.athenaeum.progress.Cancellation;

/** Work for a background thread. Long work polls (or passes on) the cancellation between steps. */
@FunctionalInterface
public interface Work<T> {

    T run(Cancellation cancellation) throws Exception;
}
