package dev.athenaeum.index;

import dev.athenaeum.chunking.Chunk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A file on its way into a new generation: its chunks and, per chunk, where its window vectors are — the previous
 * generation's windows for an unchanged file ({@link #windowRefs}), or vectors the embedding stage fills in.
 */
final class PreparedFile {

    final String file;
    final String sha256;
    final long sizeBytes;
    final String title;
    final Map<String, Object> metadata;
    final List<String> notes;
    final List<Chunk> chunks;
    /** Per chunk, the vectors of its windows; null until embedded (and for reused chunks, until compaction). */
    final List<List<float[]>> vectors;
    /** Per chunk of a reused file: its first window in the previous generation and its window count. */
    final List<int[]> windowRefs;
    /** The name this file's chunks had in the previous generation (null when new or changed). */
    final String previousName;
    /**
     * Per chunk, its text as the model and the keyword index read it ({@code EmbeddingText}), kept from windowing so
     * the keyword index need not clean it again; null where not made.
     */
    final String[] cleanTexts;

    PreparedFile(String file, String sha256, long sizeBytes, String title, Map<String, Object> metadata,
                 List<String> notes, List<Chunk> chunks, List<int[]> windowRefs, String previousName) {
        this.file = file;
        this.sha256 = sha256;
        this.sizeBytes = sizeBytes;
        this.title = title;
        this.metadata = metadata;
        this.notes = notes;
        this.chunks = chunks;
        this.windowRefs = windowRefs;
        this.previousName = previousName;
        this.cleanTexts = new String[chunks.size()];
        this.vectors = new ArrayList<>(chunks.size());
        for (int i = 0; i < chunks.size(); i++) {
            vectors.add(null);
        }
    }

    boolean reused() {
        return windowRefs != null;
    }

    /** Unchanged and under the same name: its keyword documents can stay as they are. */
    boolean unchangedInPlace() {
        return reused() && file.equals(previousName);
    }
}
