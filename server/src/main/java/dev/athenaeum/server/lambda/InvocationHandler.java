package dev.athenaeum.server.lambda;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;

/**
 * Serves one invocation: event in, HTTP request to the local server, its answer back to the Runtime API, buffered
 * or streamed. The server's own error answers pass through unchanged; only when no answer came does this class
 * make one up (502, or 504 when the server took too long).
 */
final class InvocationHandler {

    private static final Logger log = LoggerFactory.getLogger(InvocationHandler.class);

    private final RuntimeApiClient runtime;
    private final LocalForwarder local;
    private final boolean streaming;
    private final java.util.function.BooleanSupplier indexChanged;

    InvocationHandler(RuntimeApiClient runtime, LocalForwarder local, boolean streaming) {
        this(runtime, local, streaming, () -> false);
    }

    /** With {@code indexChanged}, asked after each answered invocation whether a newer index waits in S3. */
    InvocationHandler(RuntimeApiClient runtime, LocalForwarder local, boolean streaming,
                      java.util.function.BooleanSupplier indexChanged) {
        this.runtime = runtime;
        this.local = local;
        this.streaming = streaming;
        this.indexChanged = indexChanged;
    }

    /** Whether this function should end, so that the next request starts one with the new index. */
    boolean indexChanged() {
        return indexChanged.getAsBoolean();
    }

    /** Throws only when the Runtime API itself could not be told the outcome. */
    void handle(Invocation invocation) throws IOException, InterruptedException {
        long started = System.nanoTime();
        HttpEvent event;
        try {
            event = HttpEvent.parse(invocation.payload());
        } catch (UnsupportedEventException e) {
            log.warn("{} refused: {}", invocation.requestId(), e.getMessage());
            runtime.invocationError(invocation.requestId(), "Athenaeum.UnsupportedEvent", e.getMessage());
            return;
        }
        int status = serve(invocation, event);
        // Only the path: query strings and headers may carry tokens, and Authorization must never reach the logs.
        log.info("{} {} {} {} {}ms", invocation.requestId(), event.method(), event.rawPath(), status,
                (System.nanoTime() - started) / 1_000_000);
    }

    private int serve(Invocation invocation, HttpEvent event) throws IOException, InterruptedException {
        HttpRequest request;
        try {
            request = local.toRequest(event, invocation.timeLeft(System.currentTimeMillis()));
        } catch (IllegalArgumentException e) {
            return fail(invocation, 400, "invalid_request_error", "the request path or query is not a valid URI");
        }
        HttpResponse<InputStream> response;
        try {
            response = local.send(request);
        } catch (HttpTimeoutException e) {
            return fail(invocation, 504, "server_error", "the Athenaeum server did not answer in time");
        } catch (IOException e) {
            String why = e instanceof ConnectException ? "it is not running" : Messages.oneLine(e);
            return fail(invocation, 502, "server_error", "the Athenaeum server could not be reached: " + why);
        }
        try (InputStream body = response.body()) {
            if (streaming) {
                runtime.respondStreaming(invocation.requestId(),
                        ProxyResponses.prelude(response.statusCode(), response.headers()), body);
                return response.statusCode();
            }
            byte[] bytes;
            try {
                bytes = body.readAllBytes();
            } catch (IOException e) {
                return fail(invocation, 502, "server_error", "the Athenaeum server broke off its answer");
            }
            runtime.respond(invocation.requestId(), ProxyResponses.buffered(response.statusCode(), response.headers(), bytes));
            return response.statusCode();
        }
    }

    private int fail(Invocation invocation, int status, String type, String message)
            throws IOException, InterruptedException {
        HttpHeaders headers = ProxyResponses.errorHeaders();
        byte[] body = ProxyResponses.errorBody(message, type);
        if (streaming) {
            runtime.respondStreaming(invocation.requestId(), ProxyResponses.prelude(status, headers),
                    new java.io.ByteArrayInputStream(body));
        } else {
            runtime.respond(invocation.requestId(), ProxyResponses.buffered(status, headers, body));
        }
        return status;
    }
}
