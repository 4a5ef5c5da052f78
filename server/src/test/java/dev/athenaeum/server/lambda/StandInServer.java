package dev.athenaeum.server.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.IntConsumer;

/**
 * Stands in for the Athenaeum HTTP API in tests: {@code /health}, {@code /search} answering JSON about the request
 * it got, {@code /echo/...} returning the body bytes, {@code /fail} with a server error, and an SSE
 * {@code /v1/chat/completions} whose events wait on a gate the test controls.
 */
final class StandInServer implements AutoCloseable {

    static final List<String> SSE_EVENTS = List.of(
            "data: {\"choices\":[{\"delta\":{\"content\":\"Run \"}}]}\n\n",
            "data: {\"choices\":[{\"delta\":{\"content\":\"npm publish\"}}]}\n\n",
            "data: {\"choices\":[{\"delta\":{\"content\":\" in the package folder.\"}}]}\n\n",
            "data: [DONE]\n\n");
    static final String COOKIE_WITH_DATE = "last_query=install; Expires=Wed, 21 Oct 2026 07:28:00 GMT; Path=/";

    /** What the server received, one entry per request. */
    record Received(String method, String path, String rawQuery, Headers headers, byte[] body) {
        String header(String name) {
            return headers.getFirst(name);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    /** Called with the number of SSE events sent so far, before each further one. */
    private volatile IntConsumer sseGate = n -> { };

    StandInServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/health", ex -> send(ex, 200, "text/plain", "ok".getBytes(StandardCharsets.UTF_8)));
        server.createContext("/search", this::search);
        server.createContext("/echo/", this::echo);
        server.createContext("/fail", this::fail);
        server.createContext("/v1/chat/completions", this::chat);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    void sseGate(IntConsumer gate) {
        this.sseGate = gate;
    }

    Received lastRequest() throws InterruptedException {
        Received r = received.poll(10, java.util.concurrent.TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("the stand-in server received no request");
        }
        return r;
    }

    private Received record(HttpExchange ex) throws IOException {
        Received r = new Received(ex.getRequestMethod(), ex.getRequestURI().getRawPath(), ex.getRequestURI().getRawQuery(),
                ex.getRequestHeaders(), ex.getRequestBody().readAllBytes());
        received.add(r);
        return r;
    }

    private void search(HttpExchange ex) throws IOException {
        Received r = record(ex);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("method", r.method());
        answer.put("query", r.rawQuery());
        answer.put("body", new String(r.body(), StandardCharsets.UTF_8));
        answer.put("hits", List.of(Map.of("file", "commands/npm-install.md", "score", 0.91)));
        ex.getResponseHeaders().add("Set-Cookie", "athenaeum_seen=1; Path=/; HttpOnly");
        ex.getResponseHeaders().add("Set-Cookie", COOKIE_WITH_DATE);
        ex.getResponseHeaders().add("X-Multi", "a");
        ex.getResponseHeaders().add("X-Multi", "b");
        ex.getResponseHeaders().add("Keep-Alive", "timeout=5");
        send(ex, 200, "application/json", JSON.writeValueAsBytes(answer));
    }

    private void echo(HttpExchange ex) throws IOException {
        Received r = record(ex);
        ex.getResponseHeaders().add("X-Echo-Method", r.method());
        send(ex, 201, "application/octet-stream", r.body());
    }

    private void fail(HttpExchange ex) throws IOException {
        record(ex);
        ex.getResponseHeaders().add("Retry-After", "7");
        send(ex, 503, "application/json",
                "{\"error\":{\"message\":\"the index is being replaced\",\"type\":\"server_error\"}}".getBytes(StandardCharsets.UTF_8));
    }

    private void chat(HttpExchange ex) throws IOException {
        record(ex);
        ex.getResponseHeaders().add("Content-Type", "text/event-stream");
        ex.getResponseHeaders().add("Cache-Control", "no-cache");
        ex.sendResponseHeaders(200, 0);
        try (OutputStream out = ex.getResponseBody()) {
            for (int i = 0; i < SSE_EVENTS.size(); i++) {
                if (i > 0) {
                    sseGate.accept(i);
                }
                out.write(SSE_EVENTS.get(i).getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        }
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
