package dev.athenaeum.gui.ui;

import javafx.animation.AnimationTimer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * The UI thread between two frames, measured while some work is under way: the wall-clock gap, the UI thread's own
 * CPU time and its time blocked on monitors. The CPU and blocked times are what the workbench controls; the wall
 * clock also counts the operating system giving the cores to the work and software rendering waiting for them.
 * Start and stop it on the UI thread.
 */
final class FrameGaps extends AnimationTimer {

    /** The most the UI thread may work, or wait for a lock, between two frames. */
    static final long MAX_STALL_MILLIS = 100;
    private static final Logger LOG = LoggerFactory.getLogger(FrameGaps.class);

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final BooleanSupplier active;
    private final BooleanSupplier measured;
    /** The work has been seen running, and then seen finished. */
    volatile boolean started;
    volatile boolean ended;
    volatile long maxWallNanos;
    volatile long maxBusyNanos;
    volatile long maxBlockedMillis;
    volatile int frames;
    private long lastWall;
    private long lastCpu;
    private long lastBlocked;

    /**
     * @param active   whether the work runs
     * @param measured whether a frame of running work counts (a one-time first layout, say, may be left out)
     */
    FrameGaps(BooleanSupplier active, BooleanSupplier measured) {
        this.active = active;
        this.measured = measured;
        threads.setThreadContentionMonitoringEnabled(true);
    }

    /** Every frame between {@link #start()} and {@link #stop()}. */
    static FrameGaps always() {
        return new FrameGaps(() -> true, () -> true);
    }

    @Override
    public void handle(long now) {
        boolean on = active.getAsBoolean();
        boolean counted = on && measured.getAsBoolean();
        long wall = System.nanoTime();
        long cpu = threads.getCurrentThreadCpuTime();
        long blocked = threads.getThreadInfo(Thread.currentThread().threadId()).getBlockedTime();
        if (counted && lastWall != 0) {
            maxWallNanos = Math.max(maxWallNanos, wall - lastWall);
            maxBusyNanos = Math.max(maxBusyNanos, cpu - lastCpu);
            maxBlockedMillis = Math.max(maxBlockedMillis, blocked - lastBlocked);
            frames++;
        }
        started |= on;
        ended |= started && !on;
        lastWall = counted ? wall : 0;
        lastCpu = cpu;
        lastBlocked = blocked;
    }

    /** Whether some frame had more UI-thread work, or a longer lock wait, than {@link #MAX_STALL_MILLIS}. */
    boolean overBudget() {
        return maxBusyNanos / 1_000_000 >= MAX_STALL_MILLIS || maxBlockedMillis >= MAX_STALL_MILLIS;
    }

    @Override
    public String toString() {
        return frames + " frames, most UI-thread work between two frames " + maxBusyNanos / 1_000_000
                + " ms, longest lock wait " + maxBlockedMillis + " ms, longest frame gap " + maxWallNanos / 1_000_000 + " ms";
    }

    /**
     * Runs a measured piece of work, and once more when a frame of it went over budget: a stall must
     * happen again to count, and the second run is the one judged. Work the workbench does on its UI thread repeats
     * when the same thing is done again; a core of the virtual machine taken away by its host for a moment, which the
     * thread's CPU clock counts as the thread's own time, does not.
     */
    static <T> T judged(String what, Callable<T> run, Function<T, FrameGaps> gaps) throws Exception {
        T first = run.call();
        LOG.info("{}: {}", what, gaps.apply(first));
        if (!gaps.apply(first).overBudget()) {
            return first;
        }
        LOG.warn("{}: a frame over {} ms; measuring once more", what, MAX_STALL_MILLIS);
        T second = run.call();
        LOG.info("{}, again: {}", what, gaps.apply(second));
        return second;
    }
}
