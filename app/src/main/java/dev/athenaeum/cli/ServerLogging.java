package dev.athenaeum.cli;

/**
 * A server's log is its record of requests: unlike the other commands, {@code serve} logs the server's lines (one
 * per request) at INFO, with timestamps, unless the user configured logging otherwise.
 */
final class ServerLogging {

    private static final String PREFIX = "org.slf4j.simpleLogger.";

    private ServerLogging() {
    }

    static void configure() {
        setIfAbsent(PREFIX + "log.dev.athenaeum.server", "info");
        // Read when logging starts; the server's classes are the first to log in a serve run.
        setIfAbsent(PREFIX + "showDateTime", "true");
        setIfAbsent(PREFIX + "dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
