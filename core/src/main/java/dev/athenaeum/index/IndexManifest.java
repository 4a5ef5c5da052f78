package dev.athenaeum.index;

import dev.athenaeum.corpus.SkippedFile;

import java.util.List;
import java.util.Map;

/**
 * What an index holds and how it was made. Written last in a build, as {@code manifest.json}; an index generation
 * without a readable manifest is not an index.
 *
 * @param magic         always {@link #MAGIC}: identifies the file
 * @param formatVersion the on-disk format; readers refuse versions newer than theirs
 * @param checksums     SHA-256 and size of every other file of the generation, by relative path
 */
public record IndexManifest(
        String magic,
        int formatVersion,
        String createdAt,
        String generator,
        Embedding embedding,
        Chunking chunking,
        Sources sources,
        Counts counts,
        List<Segment> segments,
        List<FileEntry> files,
        List<SkippedFile> skipped,
        Map<String, FileChecksum> checksums) {

    public static final String MAGIC = "athenaeum-index";
    public static final int FORMAT_VERSION = 1;

    public IndexManifest {
        segments = segments == null ? List.of() : List.copyOf(segments);
        files = List.copyOf(files);
        skipped = List.copyOf(skipped);
        checksums = Map.copyOf(checksums);
    }

    /**
     * How the vectors were made. An index never mixes vectors of two models; vectors are reused by an update only
     * if window size and text preparation are also the same.
     *
     * @param windowTokens longest model input; longer chunks are embedded as several windows
     * @param preparation  version of the way chunk text becomes model input ({@code ChunkWindows.PREPARATION})
     */
    public record Embedding(String model, int dimension, int windowTokens, int preparation) {
    }

    public record Chunking(int chunkSize, int chunkOverlap) {
    }

    /** What was scanned, so an update can scan the same way without being told again. */
    public record Sources(List<String> roots, List<String> include, List<String> exclude, long maxFileBytes) {
    }

    /** Live embedding windows in {@code windows}; dead ones (of changed or deleted files) are not counted. */
    public record Counts(int files, int chunks, int windows, int skipped) {
    }

    /** A vector segment, in window order: its name and how many windows (live or dead) it holds. */
    public record Segment(String name, int windows) {
    }

    /**
     * One indexed file; its chunks are {@code firstChunk} to {@code firstChunk + chunkCount - 1} in the chunk store.
     */
    public record FileEntry(String file, String sha256, long sizeBytes, String title, int firstChunk, int chunkCount,
                            Map<String, Object> metadata, List<String> notes) {
        public FileEntry {
            metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
            notes = notes == null ? List.of() : List.copyOf(notes);
        }
    }

    public record FileChecksum(String sha256, long bytes) {
    }
}
