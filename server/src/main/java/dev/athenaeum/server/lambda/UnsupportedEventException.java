package dev.athenaeum.server.lambda;

/** An invocation whose payload is not an HTTP event this entry understands; reported as an invocation error. */
final class UnsupportedEventException extends Exception {

    UnsupportedEventException(String message) {
        super(message);
    }
}
