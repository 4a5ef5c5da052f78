package dev.athenaeum.progress;

/** Receives build progress; called from worker threads, so implementations hand off to their own thread. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = p -> { };

    void onProgress(IndexProgress progress);
}
