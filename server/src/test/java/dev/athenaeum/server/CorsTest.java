package dev.athenaeum.server;

import dev.athenaeum.server.auth.AuthSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Browser access: only configured origins may read answers, and preflights work without credentials. */
class CorsTest {

    private static final String APP = "https://app.example.test";
    private static final String EVIL = "https://evil.example.test";
    private static final String KEY = "cors-test-key-0123456789";
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(ServerConfig.builder().corsOrigins(List.of(APP)).auth(new AuthSettings.ApiKey(KEY)),
                ScriptedChat.answering());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> preflight(TestServer s, String origin) {
        return s.http.send(s.http.request("/v1/chat/completions")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type"));
    }

    @Test
    void aPreflightFromAnAllowedOriginIsAllowedWithoutCredentials() {
        HttpResponse<String> r = preflight(server, APP);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);
        assertThat(r.headers().firstValue("Access-Control-Allow-Methods")).hasValue("POST");
        assertThat(r.headers().firstValue("Access-Control-Allow-Headers")).hasValue("authorization,content-type");
        assertThat(r.headers().firstValue("Access-Control-Max-Age")).hasValue("600");
    }

    @Test
    void aPreflightFromAnotherOriginGetsNoPermission() {
        HttpResponse<String> r = preflight(server, EVIL);

        // Javalin's plugin echoes the requested method and headers regardless; without this header browsers refuse.
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void answersToAnAllowedOriginCarryTheCorsHeaders() {
        HttpResponse<String> r = server.http.get("/v1/models", "Origin", APP, "Authorization", "Bearer " + KEY);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);
        assertThat(r.headers().allValues("Vary")).anySatisfy(v -> assertThat(v).containsIgnoringCase("Origin"));
    }

    @Test
    void requestsFromAnotherOriginAreRefused() {
        HttpResponse<String> r = server.http.get("/v1/models", "Origin", EVIL, "Authorization", "Bearer " + KEY);

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(Http.json(r).path("error").path("code").asText()).isEqualTo("origin_not_allowed");
        assertThat(Http.json(r).path("error").path("message").asText()).contains(EVIL);
    }

    @Test
    void withoutConfiguredOriginsNoBrowserMayRead() {
        try (TestServer closed = TestServer.open(ScriptedChat.answering())) {
            HttpResponse<String> pre = preflight(closed, APP);
            assertThat(pre.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
            assertThat(pre.statusCode()).isEqualTo(405);

            HttpResponse<String> get = closed.http.get("/health", "Origin", APP);
            assertThat(get.statusCode()).isEqualTo(200);
            assertThat(get.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        }
    }
}
