package dev.athenaeum.corpus;

/** A file (or folder) left out of the index, with the reason in words a user can act on. */
public record SkippedFile(String file, String reason) {

    @Override
    public String toString() {
        return file + ": " + reason;
    }
}
