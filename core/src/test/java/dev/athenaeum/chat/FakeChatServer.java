package dev.athenaeum.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local HTTP server speaking Ollama's ({@code /api/chat}, {@code /api/tags}) and OpenAI's
 * ({@code /v1/chat/completions}, {@code /v1/models}) chat wire formats, streamed and not, with the error responses the
 * real services send. The real langchain4j clients run against it unchanged; only the URL differs. Every request is
 * recorded so tests can check what a model was shown.
 *
 * <p>Streamed requests get {@link #answer(String)} in pieces; non-streamed ones (such as rewriting a follow-up) get
 * {@link #rewriteTo(String)}. Failures are scripted per request kind and used up one request at a time.
 */
public final class FakeChatServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern WORDS = Pattern.compile("\\S+\\s*|\\s+");

    /** Errors the real services answer with. */
    public enum Failure { MODEL_NOT_FOUND, UNAUTHORIZED, RATE_LIMITED, SERVER_ERROR }

    /** One request as the server received it. */
    public record Request(String method, String path, String authorization, JsonNode body) {

        /** Whether the answer was asked for in pieces (Ollama streams unless told not to; OpenAI the reverse). */
        public boolean streamed() {
            if (body == null) {
                return false;
            }
            return body.has("stream") ? body.path("stream").asBoolean() : path.startsWith("/api/");
        }

        /** The text of every message, in order, one per element. */
        public List<String> messageTexts() {
            List<String> out = new ArrayList<>();
            body.path("messages").forEach(m -> out.add(m.path("content").asText()));
            return out;
        }

        public List<String> messageRoles() {
            List<String> out = new ArrayList<>();
            body.path("messages").forEach(m -> out.add(m.path("role").asText()));
            return out;
        }

        public String lastMessage() {
            List<String> texts = messageTexts();
            return texts.isEmpty() ? "" : texts.get(texts.size() - 1);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-chat-server");
        t.setDaemon(true);
        return t;
    });
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Queue<Failure> streamFailures = new ConcurrentLinkedQueue<>();
    private final Queue<Failure> plainFailures = new ConcurrentLinkedQueue<>();
    private final AtomicInteger piecesSent = new AtomicInteger();
    private final AtomicInteger brokenStreams = new AtomicInteger();
    private final AtomicInteger streamsOpen = new AtomicInteger();
    private final AtomicInteger mostStreamsOpen = new AtomicInteger();
    private volatile String answer = "Athenaeum answers from your files [1].";
    private volatile String rewrite = "a standalone question";
    private volatile List<String> models = List.of("llama3.1:8b", "nomic-embed-text:latest");
    private volatile String requiredKey;
    private volatile Integer retryAfterSeconds;
    private volatile Duration firstByteDelay = Duration.ZERO;
    private volatile Duration pieceDelay = Duration.ZERO;

    public FakeChatServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/api/chat", ex -> handle(ex, this::ollamaChat));
        server.createContext("/api/tags", ex -> handle(ex, this::ollamaTags));
        server.createContext("/v1/chat/completions", ex -> handle(ex, this::openAiChat));
        server.createContext("/v1/models", ex -> handle(ex, this::openAiModels));
        server.start();
    }

    /** The base URL to give Ollama clients. */
    public String ollamaUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The base URL to give OpenAI clients (with {@code /v1}, as OpenAI's own). */
    public String openAiUrl() {
        return ollamaUrl() + "/v1";
    }

    /** What streamed requests answer; it is sent a word at a time. */
    public FakeChatServer answer(String text) {
        answer = text;
        return this;
    }

    /** What non-streamed requests (rewriting a follow-up) answer. */
    public FakeChatServer rewriteTo(String text) {
        rewrite = text;
        return this;
    }

    public FakeChatServer models(String... names) {
        models = List.of(names);
        return this;
    }

    /** OpenAI requests whose bearer token differs get 401, as OpenAI answers a wrong key. */
    public FakeChatServer requireKey(String key) {
        requiredKey = key;
        return this;
    }

    /** The next {@code times} streamed requests fail with {@code failure}; later ones succeed. */
    public FakeChatServer failStreams(Failure failure, int times) {
        for (int i = 0; i < times; i++) {
            streamFailures.add(failure);
        }
        return this;
    }

    /** The next {@code times} non-streamed chat requests fail with {@code failure}. */
    public FakeChatServer failPlain(Failure failure, int times) {
        for (int i = 0; i < times; i++) {
            plainFailures.add(failure);
        }
        return this;
    }

    /** Rate-limit answers carry {@code Retry-After: seconds}; null leaves the header out. */
    public FakeChatServer retryAfter(Integer seconds) {
        retryAfterSeconds = seconds;
        return this;
    }

    /** Chat responses start only after this long (their headers included), as an overloaded server does. */
    public FakeChatServer firstByteDelay(Duration d) {
        firstByteDelay = d;
        return this;
    }

    /** The pause between streamed pieces. */
    public FakeChatServer pieceDelay(Duration d) {
        pieceDelay = d;
        return this;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** Lines (Ollama) or events (OpenAI) of streamed answers written to clients so far, one per flush. */
    public int piecesSent() {
        return piecesSent.get();
    }

    /** Streams that ended because the client went away before the answer was complete. */
    /** The most answers that were streaming at the same moment. */
    public int mostStreamsAtOnce() {
        return mostStreamsOpen.get();
    }

    public int brokenStreams() {
        return brokenStreams.get();
    }

    /** The pieces {@link #answer(String)} is streamed in: words with the space after them. */
    public static List<String> pieces(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORDS.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private interface Handler {
        void handle(HttpExchange ex, JsonNode body) throws IOException, InterruptedException;
    }

    private void handle(HttpExchange ex, Handler h) throws IOException {
        try (ex) {
            byte[] bytes = ex.getRequestBody().readAllBytes();
            JsonNode body = bytes.length == 0 ? null : JSON.readTree(bytes);
            requests.add(new Request(ex.getRequestMethod(), ex.getRequestURI().getPath(),
                    ex.getRequestHeaders().getFirst("Authorization"), body));
            h.handle(ex, body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The client hung up mid-stream (a cancelled answer): nothing left to tell it.
            brokenStreams.incrementAndGet();
        }
    }

    private Failure nextFailure(boolean streamed) {
        return (streamed ? streamFailures : plainFailures).poll();
    }

    private void ollamaChat(HttpExchange ex, JsonNode body) throws IOException, InterruptedException {
        String model = body.path("model").asText();
        // Ollama streams unless told not to.
        boolean stream = !body.has("stream") || body.path("stream").asBoolean();
        Failure failure = nextFailure(stream);
        if (failure != null) {
            switch (failure) {
                case MODEL_NOT_FOUND -> send(ex, 404, "{\"error\":\"model \\\"" + model + "\\\" not found, try pulling it first\"}");
                default -> send(ex, 500, "{\"error\":\"llama runner process has terminated: signal: killed\"}");
            }
            return;
        }
        pause(firstByteDelay);
        if (!stream) {
            ObjectNode out = ollamaChunk(model, rewrite, true);
            send(ex, 200, out.toString());
            return;
        }
        ex.getResponseHeaders().add("Content-Type", "application/x-ndjson");
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        streamOpened();
        try {
            for (String piece : pieces(answer)) {
                write(out, ollamaChunk(model, piece, false) + "\n");
                pause(pieceDelay);
            }
            write(out, ollamaChunk(model, "", true) + "\n");
        } finally {
            streamsOpen.decrementAndGet();
        }
    }

    private void streamOpened() {
        mostStreamsOpen.accumulateAndGet(streamsOpen.incrementAndGet(), Math::max);
    }

    private static ObjectNode ollamaChunk(String model, String content, boolean done) {
        ObjectNode o = JSON.createObjectNode();
        o.put("model", model);
        o.put("created_at", "2025-01-01T00:00:00.000000Z");
        o.putObject("message").put("role", "assistant").put("content", content);
        o.put("done", done);
        if (done) {
            o.put("done_reason", "stop");
            o.put("total_duration", 1_000_000L);
            o.put("prompt_eval_count", 100);
            o.put("eval_count", 20);
        }
        return o;
    }

    private void ollamaTags(HttpExchange ex, JsonNode body) throws IOException {
        ObjectNode out = JSON.createObjectNode();
        ArrayNode list = out.putArray("models");
        for (String name : models) {
            ObjectNode m = list.addObject();
            m.put("name", name);
            m.put("model", name);
            m.put("modified_at", "2025-01-01T12:00:00.000000000+01:00");
            m.put("size", 4_920_753_328L);
            m.put("digest", "46e0c10c039e019119339687c3c1757cc81b9da49709a3b3924863ba87ca666e");
            m.putObject("details").put("format", "gguf").put("family", "llama")
                    .put("parameter_size", "8.0B").put("quantization_level", "Q4_K_M");
        }
        send(ex, 200, out.toString());
    }

    private void openAiChat(HttpExchange ex, JsonNode body) throws IOException, InterruptedException {
        if (!authorized(ex)) {
            return;
        }
        String model = body.path("model").asText();
        Failure failure = nextFailure(body.path("stream").asBoolean(false));
        if (failure != null) {
            switch (failure) {
                case UNAUTHORIZED -> sendUnauthorized(ex);
                case RATE_LIMITED -> {
                    if (retryAfterSeconds != null) {
                        ex.getResponseHeaders().add("Retry-After", String.valueOf(retryAfterSeconds));
                    }
                    send(ex, 429, openAiError("Rate limit reached for " + model + " on requests per min (RPM): Limit 3,"
                            + " Used 3, Requested 1.", "requests", "rate_limit_exceeded"));
                }
                case MODEL_NOT_FOUND -> send(ex, 404, openAiError("The model `" + model
                        + "` does not exist or you do not have access to it.", "invalid_request_error", "model_not_found"));
                case SERVER_ERROR -> send(ex, 500, openAiError("The server had an error while processing your request.",
                        "server_error", null));
            }
            return;
        }
        pause(firstByteDelay);
        if (!body.path("stream").asBoolean(false)) {
            ObjectNode out = JSON.createObjectNode();
            out.put("id", "chatcmpl-fake");
            out.put("object", "chat.completion");
            out.put("created", 1_735_689_600L);
            out.put("model", model);
            ObjectNode choice = out.putArray("choices").addObject();
            choice.put("index", 0);
            choice.putObject("message").put("role", "assistant").put("content", rewrite);
            choice.put("finish_reason", "stop");
            out.putObject("usage").put("prompt_tokens", 50).put("completion_tokens", 10).put("total_tokens", 60);
            send(ex, 200, out.toString());
            return;
        }
        ex.getResponseHeaders().add("Content-Type", "text/event-stream");
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        streamOpened();
        try {
            write(out, "data: " + openAiChunk(model, "", true, null) + "\n\n");
            for (String piece : pieces(answer)) {
                write(out, "data: " + openAiChunk(model, piece, false, null) + "\n\n");
                pause(pieceDelay);
            }
            write(out, "data: " + openAiChunk(model, null, false, "stop") + "\n\n");
            write(out, "data: [DONE]\n\n");
        } finally {
            streamsOpen.decrementAndGet();
        }
    }

    private static ObjectNode openAiChunk(String model, String content, boolean first, String finishReason) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", "chatcmpl-fake");
        o.put("object", "chat.completion.chunk");
        o.put("created", 1_735_689_600L);
        o.put("model", model);
        ObjectNode choice = o.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode delta = choice.putObject("delta");
        if (first) {
            delta.put("role", "assistant");
        }
        if (content != null) {
            delta.put("content", content);
        }
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        return o;
    }

    private void openAiModels(HttpExchange ex, JsonNode body) throws IOException {
        if (!authorized(ex)) {
            return;
        }
        ObjectNode out = JSON.createObjectNode();
        out.put("object", "list");
        ArrayNode data = out.putArray("data");
        for (String name : models) {
            data.addObject().put("id", name).put("object", "model").put("created", 1_715_367_049L).put("owned_by", "system");
        }
        send(ex, 200, out.toString());
    }

    private boolean authorized(HttpExchange ex) throws IOException {
        String key = requiredKey;
        if (key != null && !("Bearer " + key).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
            sendUnauthorized(ex);
            return false;
        }
        return true;
    }

    private static void sendUnauthorized(HttpExchange ex) throws IOException {
        // OpenAI echoes a masked key; the client must not pass even that on.
        send(ex, 401, openAiError("Incorrect API key provided: sk-wr***ng. You can find your API key at"
                + " https://platform.openai.com/account/api-keys.", "invalid_request_error", "invalid_api_key"));
    }

    private static String openAiError(String message, String type, String code) {
        ObjectNode o = JSON.createObjectNode();
        ObjectNode e = o.putObject("error");
        e.put("message", message);
        e.put("type", type);
        e.putNull("param");
        if (code == null) {
            e.putNull("code");
        } else {
            e.put("code", code);
        }
        return o.toString();
    }

    private void write(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
        out.flush();
        piecesSent.incrementAndGet();
    }

    private static void pause(Duration d) throws InterruptedException {
        if (!d.isZero()) {
            Thread.sleep(d);
        }
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
