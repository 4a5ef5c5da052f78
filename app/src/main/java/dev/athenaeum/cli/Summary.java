package dev.athenaeum.cli;

import dev.athenaeum.corpus.SkippedFile;
import dev.athenaeum.index.BuildReport;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** What a build did, in the words printed after {@code athenaeum index}. */
final class Summary {

    /** More skipped files than this are counted, not listed: a thousand lines would hide the rest. */
    static final int MAX_SKIPPED_LISTED = 20;

    private Summary() {
    }

    static String of(BuildReport r) {
        StringBuilder sb = new StringBuilder();
        line(sb, "indexed %d %s: %d new or changed, %d unchanged (reused), %d removed",
                r.files(), plural(r.files(), "file"), r.filesEmbedded(), r.filesReused(), r.filesRemoved());
        line(sb, "%d %s, %d embedded as %d %s", r.chunks(), plural(r.chunks(), "chunk"), r.chunksEmbedded(),
                r.windowsEmbedded(), plural(r.windowsEmbedded(), "window"));
        skipped(sb, r.skipped());
        notes(sb, r.notes());
        double seconds = Math.max(r.elapsed().toNanos() / 1e9, 1e-3);
        line(sb, "took %.1f s (%s MB/s, %s chunks/s)", seconds, rate(r.bytesRead() / (1024.0 * 1024.0) / seconds),
                rate(r.chunksEmbedded() / seconds));
        if (!r.phases().isEmpty() && !r.upToDate()) {
            StringBuilder p = new StringBuilder();
            new java.util.EnumMap<>(r.phases()).forEach((phase, d) -> p.append(p.isEmpty() ? "" : ", ")
                    .append(phase.label().toLowerCase(Locale.ROOT)).append(' ')
                    .append(String.format(Locale.ROOT, "%.1f s", d.toNanos() / 1e9)));
            line(sb, "  (%s)", p);
        }
        if (r.upToDate()) {
            line(sb, "index is up to date");
        }
        return sb.toString();
    }

    private static void skipped(StringBuilder sb, List<SkippedFile> skipped) {
        if (skipped.isEmpty()) {
            return;
        }
        line(sb, "%d %s skipped:", skipped.size(), plural(skipped.size(), "file"));
        skipped.stream().limit(MAX_SKIPPED_LISTED)
                .forEach(s -> line(sb, "  skipped %s: %s", s.file(), s.reason()));
        if (skipped.size() > MAX_SKIPPED_LISTED) {
            line(sb, "  … and %d more", skipped.size() - MAX_SKIPPED_LISTED);
        }
    }

    private static void notes(StringBuilder sb, Map<String, List<String>> notes) {
        if (notes.isEmpty()) {
            return;
        }
        line(sb, "notes:");
        new TreeMap<>(notes).forEach((file, list) -> list.forEach(n -> line(sb, "  %s: %s", file, n)));
    }

    /** One decimal, or three for the small rates of small corpora, which would otherwise all read 0.0. */
    static String rate(double perSecond) {
        return String.format(Locale.ROOT, perSecond > 0 && perSecond < 0.1 ? "%.3f" : "%.1f", perSecond);
    }

    static String plural(long n, String word) {
        return n == 1 ? word : word + "s";
    }

    private static void line(StringBuilder sb, String format, Object... args) {
        sb.append(String.format(Locale.ROOT, format, args)).append(System.lineSeparator());
    }
}
