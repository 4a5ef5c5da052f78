package dev.athenaeum.index;

/** File names inside one index generation. */
final class IndexLayout {

    static final String MANIFEST = "manifest.json";
    static final String CHUNKS = "chunks.bin";
    /** The chunk each embedding window belongs to, across all vector segments. */
    static final String WINDOWS = "windows.bin";
    static final String SEGMENTS = "vectors";
    static final String KEYWORD = "keyword";

    private IndexLayout() {
    }

    /** A vector segment: a jvector graph with its vectors inline. Never changed once written. */
    static String segment(String name) {
        return SEGMENTS + "/" + name + ".jvector";
    }
}
