package dev.athenaeum.server;

import dev.athenaeum.chat.ChatSettings;
import dev.athenaeum.server.lambda.ApiKey;
import dev.athenaeum.server.lambda.ServerStarter;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The server as the Lambda container starts it: found through ServiceLoader, configured from the environment. */
class LambdaServerStarterTest {

    private static Path indexDir() {
        return TestServer.sharedIndex().generation().getParent();
    }

    @Test
    void theLambdaEntryFindsTheRealServer() {
        assertThat(ServiceLoader.load(ServerStarter.class).findFirst()).get().isInstanceOf(LambdaServerStarter.class);
    }

    @Test
    void servesOnLoopbackWithRetrievalOnlyChatByDefault() throws Exception {
        try (AthenaeumServer server = LambdaServerStarter.create(indexDir(), Optional.empty(), Map.of()).server()) {
            Http http = new Http(server.start());
            HttpResponse<String> health = http.get("/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(Http.json(health).path("chatModel").asText()).isEqualTo(ChatSettings.RETRIEVAL_ONLY);
            HttpResponse<String> search = http.postJson("/search", "{\"query\": \"is my data sent anywhere?\"}");
            assertThat(search.statusCode()).isEqualTo(200);
            assertThat(Http.json(search).path("results").size()).isPositive();
        }
    }

    @Test
    void anOpenAiKeyFromTheEnvironmentOrASecretSelectsOpenAi() throws Exception {
        try (AthenaeumServer server = LambdaServerStarter.create(indexDir(), Optional.of(new ApiKey("sk-test-0123456789")),
                Map.of("ATHENAEUM_CHAT_MODEL", "gpt-4.1-mini")).server()) {
            Http http = new Http(server.start());
            assertThat(Http.json(http.get("/health")).path("chatModel").asText()).isEqualTo("gpt-4.1-mini");
        }
    }

    @Test
    void jwtAuthenticationFromTheEnvironmentGuardsTheApi() throws Exception {
        Map<String, String> env = Map.of("ATHENAEUM_AUTH", "jwt", "ATHENAEUM_JWT_ISSUER", "https://id.example.com/",
                "ATHENAEUM_JWT_AUDIENCE", "athenaeum", "ATHENAEUM_JWKS_URL", "https://id.example.com/jwks.json");
        try (AthenaeumServer server = LambdaServerStarter.create(indexDir(), Optional.empty(), env).server()) {
            Http http = new Http(server.start());
            assertThat(http.get("/health").statusCode()).isEqualTo(200);
            assertThat(http.postJson("/search", "{\"query\": \"privacy\"}").statusCode()).isEqualTo(401);
        }
    }

    @Test
    void badSettingsFailBeforeAnythingStarts() {
        assertThatThrownBy(() -> LambdaServerStarter.create(indexDir(), Optional.empty(), Map.of("ATHENAEUM_AUTH", "basic")))
                .hasMessage("ATHENAEUM_AUTH must be none or jwt, got 'basic'");
        assertThatThrownBy(() -> LambdaServerStarter.create(indexDir(), Optional.empty(), Map.of("ATHENAEUM_AUTH", "jwt")))
                .hasMessageContaining("JWT authentication needs");
        assertThatThrownBy(() -> LambdaServerStarter.create(indexDir(), Optional.empty(),
                Map.of("ATHENAEUM_CHAT_PROVIDER", "openai")))
                .hasMessageContaining("OpenAI needs an API key");
    }
}
