package dev.athenaeum.deploy.image;

import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.event.events.ProgressEvent;
import com.google.cloud.tools.jib.event.progress.Allocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.IdentityHashMap;
import java.util.Map;

/** Turns Jib's events into {@link ImageProgress}: overall fraction, the current step, bytes and layers pushed. */
final class ProgressTracker {

    private static final Logger log = LoggerFactory.getLogger(ProgressTracker.class);

    private final ImageListener listener;
    private final Map<Allocation, Long> done = new IdentityHashMap<>();
    private double fraction;
    private long bytesPushed;
    private int layersDone;

    ProgressTracker(ImageListener listener) {
        this.listener = listener;
    }

    synchronized void onEvent(ProgressEvent event) {
        Allocation a = event.getAllocation();
        long units = event.getUnits();
        fraction = Math.min(1.0, fraction + a.getFractionOfRoot() * units / Math.max(1, a.getAllocationUnits()));
        String step = a.getDescription();
        long total = done.merge(a, units, Long::sum);
        boolean blob = step.startsWith("pushing blob");
        if (blob && a.getAllocationUnits() > 1) {
            bytesPushed += units;
        }
        if (blob && total >= a.getAllocationUnits() && units > 0) {
            layersDone++;
        }
        listener.onProgress(new ImageProgress(fraction, step, bytesPushed, layersDone));
    }

    /** Jib's allocations do not always add up to the whole; the pushed image is. */
    synchronized void finished(String step) {
        fraction = 1.0;
        listener.onProgress(new ImageProgress(fraction, step, bytesPushed, layersDone));
    }

    void onLog(LogEvent event) {
        switch (event.getLevel()) {
            case ERROR, WARN -> log.warn("{}", event.getMessage());
            default -> log.debug("{}", event.getMessage());
        }
    }
}
