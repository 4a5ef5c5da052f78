package dev.athenaeum.progress;

import java.time.Duration;
import java.util.Locale;

/** Progress in words, shared by every front end so the terminal and the workbench say the same thing. */
public final class ProgressText {

    private ProgressText() {
    }

    /** What {@link IndexProgress#done()} counts in a phase. */
    public static String unit(Phase phase) {
        return switch (phase) {
            case EMBEDDING -> "chunks";
            case WRITING -> "steps";
            default -> "files";
        };
    }

    /** {@code 12/40 files}, or empty while the total is unknown. */
    public static String counts(IndexProgress p) {
        return p.total() <= 0 ? "" : String.format(Locale.ROOT, "%d/%d %s", p.done(), p.total(), unit(p.phase()));
    }

    public static String rate(double perSecond, String unit) {
        return String.format(Locale.ROOT, "%.1f %s/s", perSecond, unit);
    }

    /** {@code mm:ss}, or {@code h:mm:ss} from an hour on. */
    public static String eta(Duration d) {
        long s = Math.max(0, (d.toMillis() + 999) / 1000);
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
        }
        return String.format(Locale.ROOT, "%02d:%02d", s / 60, s % 60);
    }
}
