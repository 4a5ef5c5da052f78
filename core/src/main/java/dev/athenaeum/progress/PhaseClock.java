package dev.athenaeum.progress;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** Passes progress on and measures how long each phase took, from its first event to the next phase's first. */
public final class PhaseClock implements ProgressListener {

    private final ProgressListener delegate;
    private final Map<Phase, Duration> times = new EnumMap<>(Phase.class);
    private Phase current;
    private long since;

    public PhaseClock(ProgressListener delegate) {
        this.delegate = delegate;
    }

    @Override
    public synchronized void onProgress(IndexProgress progress) {
        if (progress.phase() != current) {
            long now = System.nanoTime();
            if (current != null) {
                times.merge(current, Duration.ofNanos(now - since), Duration::plus);
            }
            current = progress.phase();
            since = now;
        }
        delegate.onProgress(progress);
    }

    /** Durations of the phases finished so far. */
    public synchronized Map<Phase, Duration> times() {
        return Collections.unmodifiableMap(new EnumMap<>(times));
    }
}
