package dev.athenaeum.deploy.upload;

/** An upload that could not be done or verified, with a one-line reason; S3 still serves the previous index. */
public final class UploadException extends Exception {

    public UploadException(String message) {
        super(message);
    }

    public UploadException(String message, Throwable cause) {
        super(message, cause);
    }
}
