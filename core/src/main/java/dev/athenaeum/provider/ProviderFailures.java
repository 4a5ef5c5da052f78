package dev.athenaeum.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.Locale;

/**
 * Reads what went wrong out of the exceptions langchain4j's provider clients throw. They wrap HTTP statuses in
 * {@link HttpException}s (sometimes re-wrapped in typed ones) and connection failures in several layers, so every
 * check walks the cause chain.
 */
public final class ProviderFailures {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_DETAIL = 300;

    private ProviderFailures() {
    }

    public static ProviderFailure classify(Throwable e) {
        // A connect timeout is a host that does not answer at all, not a slow model.
        if (hasCause(e, ConnectException.class) || hasCause(e, HttpConnectTimeoutException.class)
                || hasCause(e, UnknownHostException.class) || hasCause(e, NoRouteToHostException.class)) {
            return ProviderFailure.UNREACHABLE;
        }
        int status = status(e);
        if (e instanceof ModelNotFoundException || status == 404
                || String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("not found")) {
            return ProviderFailure.MODEL_NOT_FOUND;
        }
        if (e instanceof AuthenticationException || status == 401 || status == 403) {
            return ProviderFailure.UNAUTHORIZED;
        }
        if (e instanceof RateLimitException || status == 429) {
            return ProviderFailure.RATE_LIMITED;
        }
        if (e instanceof TimeoutException || hasCause(e, HttpTimeoutException.class)) {
            return ProviderFailure.TIMEOUT;
        }
        if (e instanceof InvalidRequestException || status == 400 || status == 422) {
            return ProviderFailure.BAD_REQUEST;
        }
        return ProviderFailure.FAILED;
    }

    /** The HTTP status the provider answered with, or -1 when the failure was not an HTTP answer. */
    public static int status(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpException h) {
                return h.statusCode();
            }
        }
        return -1;
    }

    public static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The provider's own explanation: the {@code error.message} (OpenAI) or {@code error} (Ollama) of a JSON error
     * body, else the first line of the exception message; never empty, at most a few hundred characters.
     */
    public static String detail(Throwable e) {
        String message = e.getMessage();
        for (Throwable t = e; t != null && (message == null || message.isBlank()); t = t.getCause()) {
            message = t.getMessage();
        }
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        String s = message.strip();
        if (s.startsWith("{")) {
            try {
                JsonNode error = JSON.readTree(s).path("error");
                String text = error.isTextual() ? error.asText() : error.path("message").asText("");
                if (!text.isBlank()) {
                    s = text;
                }
            } catch (java.io.IOException | RuntimeException notJson) {
                // Not JSON after all: show it as it is.
            }
        }
        return firstLine(s);
    }

    public static String firstLine(String s) {
        if (s == null) {
            return "no details";
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > MAX_DETAIL ? line.substring(0, MAX_DETAIL) + "…" : line;
    }

    /** {@code text} with every occurrence of {@code secret} masked, so a key echoed by a server is never shown. */
    public static String redact(String text, String secret) {
        if (text == null || secret == null || secret.isBlank()) {
            return text;
        }
        return text.replace(secret, "***");
    }
}
