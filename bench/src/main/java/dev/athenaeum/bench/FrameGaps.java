package dev.athenaeum.bench;

import dev.athenaeum.gui.KnowledgeBaseViewModel;
import dev.athenaeum.gui.WorkbenchWindow;
import javafx.animation.AnimationTimer;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Per frame while a build runs (from its first step after the model loads) or while a chat answer streams (from its
 * first piece): the wall-clock gap between two frames, the UI thread's own CPU time in it and its time blocked on
 * monitors. The last two are what the workbench controls; the wall clock also counts the operating system giving
 * the cores to the work.
 */
final class FrameGaps extends AnimationTimer {

    /** Whether the watched work runs, and whether this frame counts; read on the UI thread. */
    interface Phase {
        boolean running(KnowledgeBaseViewModel kb);

        boolean measured(KnowledgeBaseViewModel kb);
    }

    static final Phase BUILD = new Phase() {
        @Override
        public boolean running(KnowledgeBaseViewModel kb) {
            return kb.build().runningProperty().get();
        }

        @Override
        public boolean measured(KnowledgeBaseViewModel kb) {
            return running(kb) && !kb.build().phaseProperty().get().startsWith("Loading");
        }
    };

    static final Phase CHAT = new Phase() {
        @Override
        public boolean running(KnowledgeBaseViewModel kb) {
            return kb.chat().busyProperty().get();
        }

        @Override
        public boolean measured(KnowledgeBaseViewModel kb) {
            return running(kb) && !kb.chat().pendingAnswerProperty().get().isEmpty();
        }
    };

    private final Phase phase;

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final List<Long> wallNanos = new ArrayList<>();
    private final List<Long> busyNanos = new ArrayList<>();
    private long maxBlockedMillis;
    private WorkbenchWindow window;
    private boolean building;
    volatile boolean built;
    private long lastWall;
    private long lastCpu;
    private long lastBlocked;

    FrameGaps(Phase phase) {
        this.phase = phase;
    }

    void watch(WorkbenchWindow window) {
        this.window = window;
        threads.setThreadContentionMonitoringEnabled(true);
        start();
    }

    @Override
    public void handle(long now) {
        KnowledgeBaseViewModel kb = window.viewModel().currentProperty().get();
        boolean running = kb != null && phase.running(kb);
        boolean measured = running && phase.measured(kb);
        long wall = System.nanoTime();
        long cpu = threads.getCurrentThreadCpuTime();
        long blocked = threads.getThreadInfo(Thread.currentThread().threadId()).getBlockedTime();
        if (measured && lastWall != 0) {
            wallNanos.add(wall - lastWall);
            busyNanos.add(cpu - lastCpu);
            maxBlockedMillis = Math.max(maxBlockedMillis, blocked - lastBlocked);
        }
        building |= running;
        if (building && !running) {
            built = true;
            stop();
        }
        lastWall = measured ? wall : 0;
        lastCpu = cpu;
        lastBlocked = blocked;
    }

    /** Called on any thread once {@link #built}: the frames are no longer touched. */
    String table() {
        return String.format(Locale.ROOT, """
                | UI thread between two frames (%d frames) | p50 | p99 | max | target |
                |---|---|---|---|---|
                | own work, ms | %.1f | %.1f | %.1f | ≤ 100 |
                | blocked on locks, ms | | | %d | ≤ 100 |
                | wall clock, ms | %.1f | %.1f | %.1f | |
                """, wallNanos.size(), pct(busyNanos, 0.5), pct(busyNanos, 0.99), pct(busyNanos, 1.0),
                maxBlockedMillis, pct(wallNanos, 0.5), pct(wallNanos, 0.99), pct(wallNanos, 1.0));
    }

    private static double pct(List<Long> nanos, double p) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = nanos.stream().sorted().toList();
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }
}
