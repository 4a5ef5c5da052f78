package dev.athenaeum.index;

/** A folder that is not a readable index, or an index this version cannot read; the message says which and why. */
public final class IndexFormatException extends RuntimeException {

    public IndexFormatException(String message) {
        super(message);
    }

    public IndexFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
