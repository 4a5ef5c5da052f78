package dev.athenaeum.index;

import dev.athenaeum.chunking.Chunk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A file on its way into a new generation: its chunks, and per chunk the vectors of its embedding windows —
 * carried over from the previous generation when the file is unchanged, filled in by the embedding stage otherwise.
 */
final class PreparedFile {

    final String file;
    final String sha256;
    final long sizeBytes;
    final String title;
    final Map<String, Object> metadata;
    final List<String> notes;
    final List<Chunk> chunks;
    final List<List<float[]>> vectors;
    final boolean reused;

    PreparedFile(String file, String sha256, long sizeBytes, String title, Map<String, Object> metadata,
                 List<String> notes, List<Chunk> chunks, List<List<float[]>> vectors, boolean reused) {
        this.file = file;
        this.sha256 = sha256;
        this.sizeBytes = sizeBytes;
        this.title = title;
        this.metadata = metadata;
        this.notes = notes;
        this.chunks = chunks;
        this.vectors = vectors == null ? emptyVectors(chunks.size()) : vectors;
        this.reused = reused;
    }

    private static List<List<float[]>> emptyVectors(int n) {
        List<List<float[]>> v = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            v.add(null);
        }
        return v;
    }
}
