package dev.athenaeum.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

class ModelsEndpointTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.open(ScriptedChat.answering());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/models", "/models"})
    void listsTheOneChatModelInOpenAisFormat(String path) {
        HttpResponse<String> r = server.http.get(path);

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = Http.json(r);
        assertThat(body.path("object").asText()).isEqualTo("list");
        assertThat(body.path("data")).hasSize(1);
        JsonNode model = body.path("data").get(0);
        assertThat(model.path("id").asText()).isEqualTo(ScriptedChat.MODEL);
        assertThat(model.path("object").asText()).isEqualTo("model");
        assertThat(model.path("owned_by").asText()).isEqualTo("athenaeum");
        assertThat(model.path("created").asLong()).isPositive();
    }
}
