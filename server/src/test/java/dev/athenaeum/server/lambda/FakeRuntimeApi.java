package dev.athenaeum.server.lambda;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The Lambda Runtime API's wire protocol, served on loopback: events go out through {@code invocation/next}, and
 * what the function posts back is recorded, chunk by chunk as it arrives.
 */
final class FakeRuntimeApi implements AutoCloseable {

    private static final String BASE = "/2018-06-01/runtime/";

    /** What the function posted for one invocation, or for init ({@code requestId} null). */
    record Posted(String requestId, String kind, Headers headers, byte[] body, List<Integer> reads) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private record Pending(String requestId, byte[] payload) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final BlockingQueue<Pending> events = new LinkedBlockingQueue<>();
    private final Map<String, CompletableFuture<Posted>> results = new ConcurrentHashMap<>();
    private final CompletableFuture<Posted> initError = new CompletableFuture<>();
    private final Map<String, ByteArrayOutputStream> partial = new ConcurrentHashMap<>();
    private volatile boolean closed;

    FakeRuntimeApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext(BASE, this::handle);
        server.start();
    }

    String hostPort() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Hands the event to the function and waits for what it posts back. */
    Posted invoke(byte[] payload) throws Exception {
        String id = UUID.randomUUID().toString();
        CompletableFuture<Posted> result = new CompletableFuture<>();
        results.put(id, result);
        events.add(new Pending(id, payload));
        return result.get(30, TimeUnit.SECONDS);
    }

    Posted awaitInitError(Duration limit) throws Exception {
        return initError.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean initErrorPosted() {
        return initError.isDone();
    }

    /** Blocks until the response body posted so far for the one invocation in flight contains {@code text}. */
    void awaitReceived(String text, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            for (ByteArrayOutputStream soFar : partial.values()) {
                synchronized (soFar) {
                    if (soFar.toString(StandardCharsets.UTF_8).contains(text)) {
                        return;
                    }
                }
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the Runtime API never received " + text.strip() + " while the response was open");
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath().substring(BASE.length());
        try {
            if (path.equals("invocation/next") && ex.getRequestMethod().equals("GET")) {
                next(ex);
            } else if (path.equals("init/error")) {
                initError.complete(read(ex, null, "init-error"));
                reply(ex, 202, "{\"status\":\"OK\"}");
            } else if (path.startsWith("invocation/")) {
                String[] parts = path.split("/");
                String id = parts[1];
                Posted posted = read(ex, id, parts[2]);
                reply(ex, 202, "{\"status\":\"OK\"}");
                CompletableFuture<Posted> f = results.get(id);
                if (f != null) {
                    f.complete(posted);
                }
            } else {
                reply(ex, 404, "{\"errorMessage\":\"unknown path\"}");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ex.close();
        }
    }

    private void next(HttpExchange ex) throws IOException, InterruptedException {
        Pending p = null;
        while (p == null && !closed) {
            p = events.poll(100, TimeUnit.MILLISECONDS);
        }
        if (p == null) {
            ex.close();
            return;
        }
        ex.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", p.requestId());
        ex.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + 30_000));
        ex.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn",
                "arn:aws:lambda:eu-west-1:123456789012:function:athenaeum");
        ex.getResponseHeaders().add("Lambda-Runtime-Trace-Id", "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Sampled=1");
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(200, p.payload().length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(p.payload());
        }
    }

    /** Reads the posted body read by read, so a streamed response is visible while it is still arriving. */
    private Posted read(HttpExchange ex, String id, String kind) throws IOException {
        ByteArrayOutputStream soFar = new ByteArrayOutputStream();
        if (id != null) {
            partial.put(id, soFar);
        }
        List<Integer> reads = new ArrayList<>();
        byte[] buf = new byte[8192];
        try (InputStream in = ex.getRequestBody()) {
            for (int n; (n = in.read(buf)) >= 0; ) {
                reads.add(n);
                synchronized (soFar) {
                    soFar.write(buf, 0, n);
                }
            }
        } finally {
            if (id != null) {
                partial.remove(id);
            }
        }
        return new Posted(id, kind, ex.getRequestHeaders(), soFar.toByteArray(), reads);
    }

    private static void reply(HttpExchange ex, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.stop(0);
        executor.shutdownNow();
    }
}
