package dev.athenaeum.server.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events from the AWS-format samples go through the real Runtime API protocol (a fake Runtime API on loopback) to a
 * stand-in server and back as payload-2.0 proxy responses.
 */
class BufferedResponseTest {

    private StandInServer server;
    private RunningFunction function;

    @BeforeEach
    void start() throws Exception {
        server = new StandInServer();
        function = RunningFunction.serving(server.port(), false);
    }

    @AfterEach
    void stop() throws Exception {
        function.close();
        server.close();
    }

    @Test
    void getWithQueryAndCookiesReachesTheServerAsARealRequest() throws Exception {
        FakeRuntimeApi.Posted posted = function.runtime.invoke(Events.load("apigw-get-search.json"));
        StandInServer.Received got = server.lastRequest();

        assertThat(got.method()).isEqualTo("GET");
        assertThat(got.path()).isEqualTo("/search");
        assertThat(got.rawQuery()).isEqualTo("q=install%20a%20package&k=3&mode=hybrid");
        assertThat(got.header("Cookie")).isEqualTo("session=s3cr3t-session; theme=dark");
        assertThat(got.header("X-Forwarded-For")).isEqualTo("203.0.113.7");
        assertThat(got.header("X-Forwarded-Proto")).isEqualTo("https");
        assertThat(got.header("X-Forwarded-Host")).isEqualTo("r2d2c3po.execute-api.eu-west-1.amazonaws.com");
        assertThat(got.header("Authorization")).isEqualTo("Bearer token-that-must-never-be-logged");
        assertThat(got.header("Host")).isEqualTo("127.0.0.1:" + server.port());

        assertThat(posted.kind()).isEqualTo("response");
        JsonNode r = Events.json(posted.body());
        assertThat(r.get("statusCode").asInt()).isEqualTo(200);
        assertThat(r.get("isBase64Encoded").asBoolean()).isFalse();
        assertThat(r.get("headers").get("content-type").asText()).isEqualTo("application/json");
        assertThat(r.get("headers").get("x-multi").asText()).isEqualTo("a, b");
        assertThat(r.get("headers").has("keep-alive")).as("hop-by-hop header relayed").isFalse();
        assertThat(r.get("headers").has("content-length")).isFalse();
        assertThat(r.get("headers").has("set-cookie")).isFalse();
        assertThat(r.get("cookies")).extracting(JsonNode::asText)
                .containsExactly("athenaeum_seen=1; Path=/; HttpOnly", StandInServer.COOKIE_WITH_DATE);
        JsonNode answer = Events.json(r.get("body").asText().getBytes(StandardCharsets.UTF_8));
        assertThat(answer.get("hits").get(0).get("file").asText()).isEqualTo("commands/npm-install.md");
    }

    @Test
    void postedJsonBodyArrivesByteForByte() throws Exception {
        FakeRuntimeApi.Posted posted = function.runtime.invoke(Events.load("apigw-post-search.json"));
        StandInServer.Received got = server.lastRequest();

        assertThat(got.method()).isEqualTo("POST");
        assertThat(got.header("Content-Type")).isEqualTo("application/json");
        assertThat(new String(got.body(), StandardCharsets.UTF_8)).isEqualTo("{\"query\": \"npm ci vs npm install\", \"topK\": 2}");
        assertThat(got.header("Content-Length")).isEqualTo("45");
        JsonNode answer = Events.json(Events.json(posted.body()).get("body").asText().getBytes(StandardCharsets.UTF_8));
        assertThat(answer.get("body").asText()).contains("npm ci vs npm install");
    }

    @Test
    void aCookieHeaderWithoutCookieListIsKept() throws Exception {
        String event = new String(Events.load("apigw-post-search.json"), StandardCharsets.UTF_8)
                .replace("\"accept\": \"application/json\",", "\"accept\": \"application/json\", \"cookie\": \"a=1; b=2\",");

        function.runtime.invoke(event.getBytes(StandardCharsets.UTF_8));

        assertThat(server.lastRequest().header("Cookie")).isEqualTo("a=1; b=2");
    }

    @Test
    void binaryBodiesTravelAsBase64BothWays() throws Exception {
        byte[] sent = Base64.getDecoder().decode("iVBORw0KGgoA//4QgH/DvG1sYXV0");

        FakeRuntimeApi.Posted posted = function.runtime.invoke(Events.load("apigw-post-base64.json"));
        StandInServer.Received got = server.lastRequest();

        assertThat(got.method()).isEqualTo("PUT");
        assertThat(got.path()).isEqualTo("/echo/upload");
        assertThat(got.body()).isEqualTo(sent);
        JsonNode r = Events.json(posted.body());
        assertThat(r.get("statusCode").asInt()).isEqualTo(201);
        assertThat(r.get("isBase64Encoded").asBoolean()).isTrue();
        assertThat(Base64.getDecoder().decode(r.get("body").asText())).isEqualTo(sent);
        assertThat(r.get("headers").get("x-echo-method").asText()).isEqualTo("PUT");
    }

    @Test
    void errorAnswersOfTheServerPassThrough() throws Exception {
        String event = new String(Events.load("apigw-get-search.json"), StandardCharsets.UTF_8)
                .replace("\"rawPath\": \"/search\"", "\"rawPath\": \"/fail\"");

        JsonNode r = Events.json(function.runtime.invoke(event.getBytes(StandardCharsets.UTF_8)).body());

        assertThat(r.get("statusCode").asInt()).isEqualTo(503);
        assertThat(r.get("headers").get("retry-after").asText()).isEqualTo("7");
        assertThat(r.get("body").asText()).contains("the index is being replaced");
    }

    @Test
    void anUnreachableServerBecomesA502JsonError() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        try (RunningFunction orphan = RunningFunction.serving(closedPort, false)) {
            JsonNode r = Events.json(orphan.runtime.invoke(Events.load("apigw-get-search.json")).body());

            assertThat(r.get("statusCode").asInt()).isEqualTo(502);
            assertThat(r.get("headers").get("content-type").asText()).isEqualTo("application/json");
            JsonNode error = Events.json(r.get("body").asText().getBytes(StandardCharsets.UTF_8)).get("error");
            assertThat(error.get("type").asText()).isEqualTo("server_error");
            assertThat(error.get("message").asText()).contains("could not be reached");
        }
    }

    @Test
    void eventsThatAreNotHttpAreReportedAsInvocationErrors() throws Exception {
        FakeRuntimeApi.Posted posted = function.runtime.invoke(Events.load("apigw-v1-rest.json"));

        assertThat(posted.kind()).isEqualTo("error");
        assertThat(posted.headers().getFirst("Lambda-Runtime-Function-Error-Type")).isEqualTo("Athenaeum.UnsupportedEvent");
        JsonNode error = Events.json(posted.body());
        assertThat(error.get("errorType").asText()).isEqualTo("Athenaeum.UnsupportedEvent");
        assertThat(error.get("errorMessage").asText()).contains("payloadFormatVersion 2.0");
        // The loop goes on serving after a refused event.
        assertThat(Events.json(function.runtime.invoke(Events.load("apigw-post-search.json")).body())
                .get("statusCode").asInt()).isEqualTo(200);
    }

    @Test
    void logsOneLinePerInvocationWithoutSecrets() throws Exception {
        try (LogCapture log = new LogCapture()) {
            function.runtime.invoke(Events.load("apigw-get-search.json"));
            String line = log.awaitLine("GET /search");

            assertThat(line).matches(".*[0-9a-f-]{36} GET /search 200 \\d+ms.*");
            assertThat(log.text()).doesNotContain("token-that-must-never-be-logged")
                    .doesNotContain("s3cr3t-session").doesNotContain("install%20a%20package");
        }
    }
}
