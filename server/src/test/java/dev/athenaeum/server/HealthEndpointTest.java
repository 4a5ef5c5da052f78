package dev.athenaeum.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.athenaeum.index.KnowledgeIndex;
import dev.athenaeum.index.Version;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

class HealthEndpointTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.open(ScriptedChat.answering());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void reportsTheIndexAndBothModels() {
        HttpResponse<String> r = server.http.get("/health");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode body = Http.json(r);
        KnowledgeIndex index = TestServer.sharedIndex();
        assertThat(body.path("status").asText()).isEqualTo("ok");
        assertThat(body.path("version").asText()).isEqualTo(Version.current());
        assertThat(body.path("index").path("files").asInt()).isEqualTo(TestIndex.FILES.length);
        assertThat(body.path("index").path("chunks").asInt()).isEqualTo(index.manifest().counts().chunks()).isPositive();
        assertThat(body.path("index").path("generation").asText()).matches("gen-\\d{6,}");
        assertThat(body.path("index").path("formatVersion").asInt()).isEqualTo(index.manifest().formatVersion());
        assertThat(body.path("embeddingModel").asText()).isEqualTo(index.manifest().embedding().model());
        assertThat(body.path("chatModel").asText()).isEqualTo(ScriptedChat.MODEL);
    }

    @Test
    void aTrailingSlashIsTheSameRoute() {
        assertThat(server.http.get("/health/").statusCode()).isEqualTo(200);
    }
}
