package dev.athenaeum.server.lambda;

/** One-line texts for logs and Lambda error reports, which show each line of a message as a separate entry. */
final class Messages {

    private Messages() {
    }

    static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "no details";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).strip();
    }

    /** The exception's own message, or its type when it has none (many I/O errors). */
    static String oneLine(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : firstLine(m);
    }
}
