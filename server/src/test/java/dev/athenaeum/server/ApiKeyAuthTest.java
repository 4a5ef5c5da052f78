package dev.athenaeum.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.athenaeum.server.auth.AuthSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiKeyAuthTest {

    private static final String KEY = "k3y-0123456789abcdef-athenaeum";
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(ServerConfig.builder().auth(new AuthSettings.ApiKey(KEY)), ScriptedChat.answering());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void assertUnauthorized(HttpResponse<String> r, String challenge, String message) {
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValue(challenge);
        JsonNode error = Http.json(r).path("error");
        assertThat(error.path("type").asText()).isEqualTo("authentication_error");
        assertThat(error.path("message").asText()).contains(message);
        assertThat(r.body()).doesNotContain(KEY);
    }

    @Test
    void acceptsTheKeyAsABearerTokenOrInXApiKey() {
        assertThat(server.http.get("/v1/models", "Authorization", "Bearer " + KEY).statusCode()).isEqualTo(200);
        assertThat(server.http.get("/v1/models", "authorization", "bearer " + KEY).statusCode()).isEqualTo(200);
        assertThat(server.http.get("/v1/models", "x-api-key", KEY).statusCode()).isEqualTo(200);
        assertThat(server.http.postJson("/search", "{\"query\": \"privacy\", \"mode\": \"keyword\"}",
                "x-api-key", KEY).statusCode()).isEqualTo(200);
    }

    @Test
    void refusesMissingCredentialsWithABearerChallenge() {
        assertUnauthorized(server.http.get("/v1/models"), "Bearer realm=\"athenaeum\"", "an API key is required");
        assertUnauthorized(server.http.postJson("/search", "{\"query\": \"x\"}"), "Bearer realm=\"athenaeum\"",
                "an API key is required");
        assertUnauthorized(server.http.get("/v1/models", "Authorization", "Basic dXNlcjpwYXNz"),
                "Bearer realm=\"athenaeum\"", "an API key is required");
    }

    @Test
    void refusesWrongKeys() {
        String challenge = "Bearer realm=\"athenaeum\", error=\"invalid_token\", error_description=\"the API key is not valid\"";
        assertUnauthorized(server.http.get("/v1/models", "Authorization", "Bearer " + KEY + "x"), challenge, "not valid");
        assertUnauthorized(server.http.get("/v1/models", "x-api-key", KEY.substring(1)), challenge, "not valid");
        assertUnauthorized(server.http.get("/v1/models", "Authorization", "Bearer wrong", "x-api-key", KEY),
                challenge, "not valid");
    }

    @Test
    void healthAndTheApiDescriptionStayOpen() {
        assertThat(server.http.get("/health").statusCode()).isEqualTo(200);
        assertThat(server.http.get("/openapi.json").statusCode()).isEqualTo(200);
    }

    @Test
    void unknownRoutesAreStill404() {
        assertThat(server.http.get("/admin").statusCode()).isEqualTo(404);
    }

    @Test
    void keysMustBeLongAndNeverPrinted() {
        assertThatThrownBy(() -> new AuthSettings.ApiKey("short")).hasMessageContaining("at least 16");
        assertThatThrownBy(() -> new AuthSettings.ApiKey("has a space in it, 0123456789"))
                .hasMessageContaining("without spaces");
        assertThat(new AuthSettings.ApiKey(KEY).toString()).doesNotContain(KEY);
        assertThat(ServerConfig.builder().auth(new AuthSettings.ApiKey(KEY)).build().toString()).doesNotContain(KEY);
    }
}
