package dev.athenaeum.index;

import dev.athenaeum.chunking.ChunkSettings;
import dev.athenaeum.corpus.ScanOptions;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What to build: which files, how to chunk them, where the index goes, and whether to ignore the existing index
 * (rebuild) instead of updating it.
 */
public record BuildRequest(ScanOptions scan, ChunkSettings chunking, Path indexDir, boolean rebuild) {

    public BuildRequest {
        Objects.requireNonNull(scan, "scan");
        Objects.requireNonNull(chunking, "chunking");
        Objects.requireNonNull(indexDir, "indexDir");
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private ScanOptions scan;
        private ChunkSettings chunking = ChunkSettings.DEFAULT;
        private Path indexDir;
        private boolean rebuild;

        public Builder scan(ScanOptions scan) {
            this.scan = scan;
            return this;
        }

        public Builder chunking(ChunkSettings chunking) {
            this.chunking = chunking;
            return this;
        }

        public Builder indexDir(Path dir) {
            this.indexDir = dir;
            return this;
        }

        public Builder rebuild(boolean rebuild) {
            this.rebuild = rebuild;
            return this;
        }

        public BuildRequest build() {
            return new BuildRequest(scan, chunking, indexDir, rebuild);
        }
    }
}
