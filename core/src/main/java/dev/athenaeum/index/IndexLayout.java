package dev.athenaeum.index;

/** File names inside one index generation. */
final class IndexLayout {

    static final String MANIFEST = "manifest.json";
    static final String CHUNKS = "chunks.bin";
    static final String VECTORS = "vectors.bin";
    static final String GRAPH = "graph.jvector";
    static final String KEYWORD = "keyword";

    private IndexLayout() {
    }
}
