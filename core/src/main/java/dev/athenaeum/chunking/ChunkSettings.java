package dev.athenaeum.chunking;

/**
 * How text is cut: the most tokens a chunk holds and how many tokens of a chunk's end the next chunk of the same
 * section repeats. Tokens are the embedding model's. Build with {@link #builder()} or {@link #of(int, int)}.
 */
public record ChunkSettings(int chunkSize, int chunkOverlap) {

    /** Below this a chunk cannot hold a heading and a sentence or two. */
    public static final int MIN_CHUNK_SIZE = 32;
    public static final int MAX_CHUNK_SIZE = 32_768;
    public static final int DEFAULT_CHUNK_SIZE = 512;
    public static final int DEFAULT_CHUNK_OVERLAP = 64;

    public static final ChunkSettings DEFAULT = new ChunkSettings(DEFAULT_CHUNK_SIZE, DEFAULT_CHUNK_OVERLAP);

    public ChunkSettings {
        if (chunkSize < MIN_CHUNK_SIZE) {
            throw new IllegalArgumentException("chunk size " + chunkSize + " is too small: use at least " + MIN_CHUNK_SIZE + " tokens");
        }
        if (chunkSize > MAX_CHUNK_SIZE) {
            throw new IllegalArgumentException("chunk size " + chunkSize + " is too large: use at most " + MAX_CHUNK_SIZE + " tokens");
        }
        if (chunkOverlap < 0) {
            throw new IllegalArgumentException("chunk overlap must not be negative, got " + chunkOverlap);
        }
        if (chunkOverlap >= chunkSize) {
            throw new IllegalArgumentException("chunk overlap (" + chunkOverlap + ") must be smaller than the chunk size (" + chunkSize + ")");
        }
    }

    public static ChunkSettings of(int chunkSize, int chunkOverlap) {
        return new ChunkSettings(chunkSize, chunkOverlap);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private int chunkSize = DEFAULT_CHUNK_SIZE;
        private int chunkOverlap = DEFAULT_CHUNK_OVERLAP;

        public Builder chunkSize(int tokens) {
            this.chunkSize = tokens;
            return this;
        }

        public Builder chunkOverlap(int tokens) {
            this.chunkOverlap = tokens;
            return this;
        }

        public ChunkSettings build() {
            return new ChunkSettings(chunkSize, chunkOverlap);
        }
    }
}
