package dev.athenaeum.gui.tuning;

import dev.athenaeum.chunking.ChunkSettings;

import java.util.List;
import java.util.Locale;

/**
 * What one set of chunk settings does to the corpus: the chunks of the chosen file, the sizes of all chunks, and
 * how long cutting the whole corpus took.
 *
 * @param file the previewed file, or null when the corpus is empty
 */
public record ChunkPreview(ChunkSettings settings, String file, List<ChunkRow> fileChunks, SizeHistogram histogram,
                           int files, int chunks, int medianTokens, long millis) {

    public ChunkPreview {
        fileChunks = List.copyOf(fileChunks);
    }

    /** "212 chunks from 38 files, median 180 tokens (cut in 45 ms)" */
    public String summary() {
        return String.format(Locale.ROOT, "%d chunk%s from %d file%s, median %d tokens (cut in %d ms)", chunks,
                chunks == 1 ? "" : "s", files, files == 1 ? "" : "s", medianTokens, millis);
    }
}
