package dev.athenaeum.embedding;

/** An embedding model could not answer; the message says what to do about it in one line. */
public final class EmbeddingFailedException extends RuntimeException {

    public EmbeddingFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
