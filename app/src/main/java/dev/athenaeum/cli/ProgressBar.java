package dev.athenaeum.cli;

import dev.athenaeum.progress.IndexProgress;
import dev.athenaeum.progress.Phase;
import dev.athenaeum.progress.ProgressListener;
import dev.athenaeum.progress.ProgressText;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Build progress on stderr. On a terminal one line is redrawn in place ({@code \r}); in a log or pipe a plain line
 * is written at most every {@link #PLAIN_INTERVAL}, plus one as each phase starts and one as it completes, so logs
 * stay short and still end each phase with its final count.
 */
final class ProgressBar implements ProgressListener {

    static final Duration TERMINAL_INTERVAL = Duration.ofMillis(100);
    static final Duration PLAIN_INTERVAL = Duration.ofSeconds(2);
    static final int BAR_WIDTH = 24;

    private final PrintWriter err;
    private final boolean terminal;
    private final LongSupplier nanoClock;
    private Phase lastPhase;
    private Phase completeShown;
    private long lastShownNanos;
    private int lastWidth;

    ProgressBar(PrintWriter err, boolean terminal, LongSupplier nanoClock) {
        this.err = err;
        this.terminal = terminal;
        this.nanoClock = nanoClock;
    }

    ProgressBar(PrintWriter err, boolean terminal) {
        this(err, terminal, System::nanoTime);
    }

    // The builder calls from worker threads; printing is cheap enough to do under the lock.
    @Override
    public synchronized void onProgress(IndexProgress p) {
        if (p.phase() == Phase.DONE) {
            return;
        }
        long now = nanoClock.getAsLong();
        boolean phaseChanged = p.phase() != lastPhase;
        boolean phaseComplete = p.total() > 0 && p.done() >= p.total() && (terminal || completeShown != p.phase());
        long interval = (terminal ? TERMINAL_INTERVAL : PLAIN_INTERVAL).toNanos();
        if (!phaseChanged && !phaseComplete && now - lastShownNanos < interval) {
            return;
        }
        lastPhase = p.phase();
        lastShownNanos = now;
        if (phaseComplete) {
            completeShown = p.phase();
        }
        String line = format(p);
        if (terminal) {
            // Pad with blanks so a shorter line fully covers the longer one drawn before it.
            err.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
            lastWidth = line.length();
        } else {
            err.println(line);
        }
        err.flush();
    }

    /** Clears the redrawn line, so whatever is printed next starts at the left margin. */
    synchronized void finish() {
        if (terminal && lastWidth > 0) {
            err.print("\r" + " ".repeat(lastWidth) + "\r");
            err.flush();
        }
        lastWidth = 0;
    }

    static String format(IndexProgress p) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-13s", p.phase().label()));
        if (p.total() <= 0) {
            return sb.toString().strip() + "…";
        }
        String unit = ProgressText.unit(p.phase());
        sb.append(' ').append(bar(p.fraction(), BAR_WIDTH))
                .append(String.format(Locale.ROOT, " %d/%d %s", p.done(), p.total(), unit));
        if (p.ratePerSecond() > 0) {
            sb.append("  ").append(ProgressText.rate(p.ratePerSecond(), unit));
        }
        if (p.eta() != null && p.done() < p.total()) {
            sb.append("  ETA ").append(ProgressText.eta(p.eta()));
        }
        return sb.toString();
    }

    static String bar(double fraction, int width) {
        int filled = (int) Math.round(Math.max(0, Math.min(1, fraction)) * width);
        return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "]";
    }
}
