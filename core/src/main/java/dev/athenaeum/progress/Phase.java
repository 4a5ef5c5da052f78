package dev.athenaeum.progress;

/** The stages of building an index, in order. */
public enum Phase {
    SCANNING("Scanning"),
    CHUNKING("Chunking"),
    EMBEDDING("Embedding"),
    WRITING("Writing index"),
    DONE("Done");

    private final String label;

    Phase(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
