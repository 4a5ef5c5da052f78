package dev.athenaeum.chat;

/** A provider failure, explained in one line that says what to do (never containing a key). */
public final class ChatException extends RuntimeException {

    /** What went wrong, so callers can map it (e.g. to an HTTP status) without parsing messages. */
    public enum Kind { UNREACHABLE, MODEL_NOT_FOUND, UNAUTHORIZED, RATE_LIMITED, TIMEOUT, BAD_REQUEST, FAILED }

    private final Kind kind;

    public ChatException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public ChatException(Kind kind, String message) {
        this(kind, message, null);
    }

    public Kind kind() {
        return kind;
    }
}
