package dev.athenaeum.gui.build;

import dev.athenaeum.index.BuildReport;

import java.util.Locale;

/** A build's outcome in one or two sentences for the build panel; the skipped files are listed beside it. */
final class BuildSummary {

    private BuildSummary() {
    }

    static String of(BuildReport r) {
        double seconds = r.elapsed().toMillis() / 1000.0;
        if (r.upToDate()) {
            return String.format(Locale.ROOT, "The index is up to date: %d %s, %d %s.", r.files(), plural(r.files(), "file"),
                    r.chunks(), plural(r.chunks(), "chunk"));
        }
        String s = String.format(Locale.ROOT, "Indexed %d %s into %d %s in %.1f s: %d new or changed, %d unchanged, %d removed.",
                r.files(), plural(r.files(), "file"), r.chunks(), plural(r.chunks(), "chunk"), seconds,
                r.filesEmbedded(), r.filesReused(), r.filesRemoved());
        if (!r.skipped().isEmpty()) {
            s += String.format(Locale.ROOT, " %d %s skipped (see below).", r.skipped().size(), plural(r.skipped().size(), "file"));
        }
        return s;
    }

    private static String plural(long n, String word) {
        return n == 1 ? word : word + "s";
    }
}
