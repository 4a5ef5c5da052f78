package dev.athenaeum.server.lambda;

/** The index in S3 cannot be used; the message is one line that names the object and says what is wrong. */
public final class IndexDownloadException extends Exception {

    public IndexDownloadException(String message) {
        super(message);
    }

    public IndexDownloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
