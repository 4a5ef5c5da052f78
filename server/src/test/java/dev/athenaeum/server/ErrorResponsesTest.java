package dev.athenaeum.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Every error is JSON in OpenAI's shape, whoever raises it: our handlers, Javalin or Jetty. */
class ErrorResponsesTest {

    private static final long LIMIT = 4096;
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(ServerConfig.builder().maxRequestBytes(LIMIT), ScriptedChat.answering());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static JsonNode error(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(r.body()).doesNotContain("<html", "at dev.", "at io.", "Exception");
        JsonNode error = Http.json(r).path("error");
        assertThat(error.path("message").asText()).isNotBlank();
        assertThat(error.has("type")).isTrue();
        assertThat(error.has("param")).isTrue();
        assertThat(error.has("code")).isTrue();
        return error;
    }

    @Test
    void unknownRoutesAre404() {
        JsonNode e = error(server.http.get("/v1/embeddings", "Accept", "text/html"), 404);
        assertThat(e.path("message").asText()).contains("GET /v1/embeddings");
        assertThat(e.path("code").asText()).isEqualTo("not_found");
    }

    @Test
    void wrongMethodsAre405AndSayWhichOneWorks() {
        HttpResponse<String> r = server.http.get("/search");
        JsonNode e = error(r, 405);
        assertThat(e.path("message").asText()).contains("use POST");
        assertThat(r.headers().firstValue("Allow")).hasValue("POST");

        HttpResponse<String> delete = server.http.send(server.http.request("/health").DELETE());
        error(delete, 405);
        assertThat(delete.headers().firstValue("Allow")).hasValue("GET");
    }

    @Test
    void bodiesOverTheLimitAre413() {
        String big = "{\"query\": \"" + "x".repeat((int) LIMIT) + "\"}";
        JsonNode e = error(server.http.postJson("/search", big), 413);
        assertThat(e.path("message").asText()).contains(LIMIT + " bytes");
    }

    @Test
    void bodiesOverTheLimitWithoutALengthAre413Too() {
        String big = "{\"query\": \"" + "x".repeat((int) LIMIT) + "\"}";
        HttpRequest.BodyPublisher chunked = HttpRequest.BodyPublishers.ofInputStream(
                () -> new java.io.ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)));
        error(server.http.send(server.http.request("/v1/chat/completions")
                .header("Content-Type", "application/json").POST(chunked)), 413);
    }

    @Test
    void nonJsonBodiesAre415() {
        HttpResponse<String> r = server.http.send(server.http.request("/search")
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("query=x")));
        assertThat(error(r, 415).path("message").asText()).contains("application/json");
        error(server.http.send(server.http.request("/search").POST(HttpRequest.BodyPublishers.ofString("{}"))), 415);
        HttpResponse<String> withCharset = server.http.send(server.http.request("/search")
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"privacy\", \"mode\": \"keyword\"}")));
        assertThat(withCharset.statusCode()).isEqualTo(200);
    }

    @Test
    void malformedJsonIs400() {
        JsonNode e = error(server.http.postJson("/search", "{\"query\": "), 400);
        assertThat(e.path("message").asText()).startsWith("the body is not valid JSON");
        error(server.http.postJson("/search", "{\"query\": \"a\", \"query\": \"b\"}"), 400);
    }

    @Test
    void requestsJettyRefusesBeforeJavalinAreJsonToo() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port)) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /health HTTP/1.1\r\nHost: localhost\r\nBad Header\r\n\r\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 400");
            assertThat(response).containsIgnoringCase("Content-Type: application/json");
            assertThat(response).contains("{\"error\":{\"message\":").doesNotContain("<html");
        }
    }

    @Test
    void noServerBannerIsSent() {
        HttpResponse<String> r = server.http.get("/health");
        assertThat(r.headers().firstValue("Server")).isEmpty();
        assertThat(r.headers().firstValue("X-Powered-By")).isEmpty();
    }
}
