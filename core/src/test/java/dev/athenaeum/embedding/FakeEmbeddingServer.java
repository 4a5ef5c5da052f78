package dev.athenaeum.embedding;

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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local HTTP server that answers embedding requests in Ollama's ({@code POST /api/embed}) and OpenAI's
 * ({@code POST /v1/embeddings}) wire formats, including their error responses, so the real provider clients can be
 * exercised without a model. Vectors are a deterministic function of the text.
 */
final class FakeEmbeddingServer implements AutoCloseable {

    static final int DIMENSION = 8;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the next requests get: a normal answer, or an error the real services send. */
    enum Behaviour { OK, MODEL_NOT_FOUND, UNAUTHORIZED, RATE_LIMITED }

    private final HttpServer server;
    private volatile Behaviour behaviour = Behaviour.OK;
    final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();

    FakeEmbeddingServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/embed", this::ollama);
        server.createContext("/v1/embeddings", this::openAi);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void behave(Behaviour b) {
        behaviour = b;
    }

    private void ollama(HttpExchange ex) throws IOException {
        JsonNode body = read(ex);
        switch (behaviour) {
            case MODEL_NOT_FOUND -> send(ex, 404, "{\"error\":\"model \\\"" + body.path("model").asText()
                    + "\\\" not found, try pulling it first\"}");
            default -> {
                ObjectNode out = JSON.createObjectNode();
                out.put("model", body.path("model").asText());
                ArrayNode embeddings = out.putArray("embeddings");
                for (JsonNode input : body.path("input")) {
                    embeddings.add(vector(input.asText()));
                }
                send(ex, 200, out.toString());
            }
        }
    }

    private void openAi(HttpExchange ex) throws IOException {
        JsonNode body = read(ex);
        authorizations.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
        switch (behaviour) {
            case UNAUTHORIZED -> send(ex, 401, "{\"error\":{\"message\":\"Incorrect API key provided: sk-te***st.\","
                    + "\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}");
            case RATE_LIMITED -> send(ex, 429, "{\"error\":{\"message\":\"Rate limit reached for requests\","
                    + "\"type\":\"requests\",\"param\":null,\"code\":\"rate_limit_exceeded\"}}");
            case MODEL_NOT_FOUND -> send(ex, 404, "{\"error\":{\"message\":\"The model `" + body.path("model").asText()
                    + "` does not exist\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"model_not_found\"}}");
            default -> {
                ObjectNode out = JSON.createObjectNode();
                out.put("object", "list");
                ArrayNode data = out.putArray("data");
                int i = 0;
                int tokens = 0;
                for (JsonNode input : body.path("input")) {
                    ObjectNode e = data.addObject();
                    e.put("object", "embedding");
                    e.put("index", i++);
                    e.set("embedding", vector(input.asText()));
                    tokens += input.asText().split("\\s+").length;
                }
                out.put("model", body.path("model").asText());
                out.putObject("usage").put("prompt_tokens", tokens).put("total_tokens", tokens);
                send(ex, 200, out.toString());
            }
        }
    }

    /** A unit vector that depends on the words of the text, so similar texts get similar vectors. */
    static ArrayNode vector(String text) {
        double[] v = new double[DIMENSION];
        for (String word : text.toLowerCase().split("\\W+")) {
            if (!word.isEmpty()) {
                v[Math.floorMod(word.hashCode(), DIMENSION)] += 1;
            }
        }
        double norm = 0;
        for (double x : v) {
            norm += x * x;
        }
        norm = norm == 0 ? 1 : Math.sqrt(norm);
        ArrayNode a = JSON.createArrayNode();
        for (double x : v) {
            a.add(norm == 1 && x == 0 ? 1.0 / Math.sqrt(DIMENSION) : x / norm);
        }
        return a;
    }

    private JsonNode read(HttpExchange ex) throws IOException {
        JsonNode body = JSON.readTree(ex.getRequestBody().readAllBytes());
        requests.add(body);
        return body;
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
