package dev.athenaeum.server.chat;

import dev.athenaeum.progress.Cancellation;
import dev.athenaeum.server.http.Json;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A server-sent event stream written straight to the servlet response, flushed event by event. It starts lazily,
 * on the first event, so a failure before any text still gets a proper HTTP status. A failed write means the
 * client went away: the answer is then cancelled. Synchronised, since listeners may be called from a provider's
 * own threads.
 */
final class SseStream {

    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8);

    private final HttpServletResponse response;
    private final Cancellation cancel;
    private OutputStream out;
    private boolean broken;

    SseStream(HttpServletResponse response, Cancellation cancel) {
        this.response = response;
        this.cancel = cancel;
    }

    synchronized boolean started() {
        return out != null;
    }

    /** Whether the client is gone; writes after that are skipped. */
    synchronized boolean broken() {
        return broken;
    }

    synchronized void send(Object event) {
        write(("data: " + Json.write(event) + "\n\n").getBytes(StandardCharsets.UTF_8));
    }

    /** OpenAI's end-of-stream marker, which its SDKs wait for. */
    synchronized void done() {
        write(DONE);
    }

    private void write(byte[] bytes) {
        if (broken) {
            return;
        }
        try {
            if (out == null) {
                response.setStatus(200);
                response.setContentType("text/event-stream;charset=utf-8");
                response.setHeader("Cache-Control", "no-cache");
                // Reverse proxies (nginx) would otherwise buffer the stream and deliver it all at the end.
                response.setHeader("X-Accel-Buffering", "no");
                out = response.getOutputStream();
            }
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            broken = true;
            cancel.cancel();
        }
    }
}
