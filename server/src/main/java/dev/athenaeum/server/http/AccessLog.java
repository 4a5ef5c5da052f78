package dev.athenaeum.server.http;

import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request, as {@code key=value} pairs a log pipeline can parse: method, path, status and duration.
 * Headers, query strings and bodies are never logged, so neither are keys, tokens or questions.
 */
public final class AccessLog {

    public static final String LOGGER = "dev.athenaeum.server.access";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private AccessLog() {
    }

    public static void log(Context ctx, Float millis) {
        if (LOG.isInfoEnabled()) {
            LOG.info(line(ctx.req().getMethod(), ctx.path(), ctx.statusCode(), millis == null ? 0 : millis));
        }
    }

    static String line(String method, String path, int status, float millis) {
        return "method=" + method + " path=" + quoted(path) + " status=" + status + " ms=" + Math.round(millis);
    }

    /** Paths are client input: quoting keeps a space or a forged "status=200" from faking fields. */
    private static String quoted(String path) {
        if (path.chars().allMatch(c -> c > ' ' && c < 127 && c != '"' && c != '=')) {
            return path;
        }
        return '"' + path.replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("\\p{Cntrl}", "?") + '"';
    }
}
