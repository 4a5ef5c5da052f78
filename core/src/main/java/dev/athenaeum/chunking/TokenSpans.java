package dev.athenaeum.chunking;

/** Start (inclusive) and end (exclusive) character offsets of each token of a text. */
public record TokenSpans(int[] starts, int[] ends) {

    public TokenSpans {
        if (starts.length != ends.length) {
            throw new IllegalArgumentException("starts and ends differ in length");
        }
    }

    public int size() {
        return starts.length;
    }
}
