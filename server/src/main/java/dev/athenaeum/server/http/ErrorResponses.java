package dev.athenaeum.server.http;

import dev.athenaeum.index.IndexFormatException;
import dev.athenaeum.progress.CancelledException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.router.EndpointNotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * Turns every exception a handler or Javalin throws into a JSON error in OpenAI's shape. Unexpected exceptions are
 * logged here with their stack trace and reach the client only as "internal error".
 */
public final class ErrorResponses {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

    private ErrorResponses() {
    }

    public static void register(RoutesConfig routes, long maxRequestBytes) {
        routes.exception(ApiError.class, (e, ctx) -> write(ctx, e));
        routes.exception(HttpResponseException.class, (e, ctx) -> write(ctx, fromJavalin(e, ctx, maxRequestBytes)));
        routes.exception(IndexFormatException.class, (e, ctx) -> {
            LOG.error("the index could not be read: {}", e.getMessage());
            write(ctx, new ApiError(500, ApiError.SERVER, "index_unreadable", "the index could not be read: "
                    + e.getMessage()));
        });
        routes.exception(CancelledException.class, (e, ctx) ->
                // Only a client that went away cancels; nobody is left to read a body.
                ctx.status(499));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("unexpected error answering {} {}", ctx.method(), ctx.path(), e);
            write(ctx, internal());
        });
    }

    public static ApiError internal() {
        return new ApiError(500, ApiError.SERVER, "internal_error", "internal error; the server log has the details");
    }

    public static void write(Context ctx, ApiError e) {
        e.headers().forEach(ctx::header);
        ctx.status(e.status()).contentType("application/json").result(Json.bytes(e.body()));
    }

    private static ApiError fromJavalin(HttpResponseException e, Context ctx, long maxRequestBytes) {
        int status = e.getStatus();
        if (e instanceof EndpointNotFound || status == 404) {
            return new ApiError(404, ApiError.INVALID_REQUEST, "not_found",
                    "no such endpoint: " + ctx.method() + " " + ctx.path() + " (GET /openapi.json lists them)");
        }
        if (status == 405) {
            String allowed = e.getDetails().getOrDefault("availableMethods", "");
            return new ApiError(405, ApiError.INVALID_REQUEST, "method_not_allowed", null,
                    ctx.method() + " is not allowed on " + ctx.path() + (allowed.isEmpty() ? "" : "; use " + allowed),
                    allowed.isEmpty() ? Map.of() : Map.of("Allow", allowed));
        }
        if (status == 413) {
            return JsonBody.tooLarge(maxRequestBytes);
        }
        String type = status >= 500 ? ApiError.SERVER : ApiError.INVALID_REQUEST;
        String message = e.getMessage() == null || e.getMessage().isBlank()
                ? HttpStatus.forStatus(status).getMessage() : e.getMessage();
        return new ApiError(status, type, null, message);
    }
}
