package dev.athenaeum.index;

import dev.athenaeum.corpus.SkippedFile;
import dev.athenaeum.progress.Phase;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a build.
 *
 * @param filesEmbedded new or changed files, chunked and embedded in this build
 * @param filesReused   unchanged files whose chunks and vectors were carried over
 * @param filesRemoved  files of the previous index that are gone
 * @param notes         per-file remarks that did not stop indexing (e.g. a decoding fallback)
 * @param modelTime     time spent inside the embedding model
 * @param upToDate      nothing changed, so no new generation was written
 * @param phases        time spent in each phase (scanning, chunking, embedding, writing)
 */
public record BuildReport(
        int files,
        int filesEmbedded,
        int filesReused,
        int filesRemoved,
        int chunks,
        int chunksEmbedded,
        int windowsEmbedded,
        long bytesRead,
        List<SkippedFile> skipped,
        Map<String, List<String>> notes,
        Duration elapsed,
        Duration modelTime,
        boolean upToDate,
        Path generation,
        Map<Phase, Duration> phases) {

    public BuildReport {
        skipped = List.copyOf(skipped);
        notes = Map.copyOf(notes);
        phases = Map.copyOf(phases);
    }
}
