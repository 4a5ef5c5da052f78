package dev.athenaeum.server.lambda;

/**
 * A secret API key. Its {@code toString} hides the value, so a key that ends up in a log line or an exception
 * message by accident shows as {@code ApiKey[redacted]}.
 */
public record ApiKey(String value) {

    public ApiKey {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an API key must not be empty");
        }
        value = value.strip();
    }

    @Override
    public String toString() {
        return "ApiKey[redacted]";
    }
}
