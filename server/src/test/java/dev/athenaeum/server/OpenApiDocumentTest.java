package dev.athenaeum.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.athenaeum.index.Version;
import dev.athenaeum.server.auth.AuthSettings;
import dev.athenaeum.server.openapi.OpenApiHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The served OpenAPI document describes exactly the routes the server has, and the security it enforces. */
class OpenApiDocumentTest {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete", "head", "options");
    private static TestServer server;
    private static JsonNode doc;

    @BeforeAll
    static void start() {
        server = TestServer.open(ScriptedChat.answering());
        HttpResponse<String> r = server.http.get("/openapi.json");
        assertThat(r.statusCode()).isEqualTo(200);
        doc = Http.json(r);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static List<String> documentedOperations(JsonNode document) {
        List<String> ops = new ArrayList<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (METHODS.contains(op.getKey())) {
                ops.add(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        return ops.stream().sorted().toList();
    }

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedOperationExists() {
        List<String> routes = server.server.routes();

        assertThat(routes).contains("GET /health", "POST /search", "POST /v1/chat/completions", "GET /v1/models",
                "GET /openapi.json");
        assertThat(documentedOperations(doc)).containsExactlyElementsOf(routes);
    }

    @Test
    void isOpenApi31WithTheRunningVersion() {
        assertThat(doc.path("openapi").asText()).isEqualTo("3.1.0");
        assertThat(doc.path("info").path("version").asText()).isEqualTo(Version.current());
    }

    @Test
    void operationIdsAreUniqueAndEveryReferenceResolves() {
        Set<String> ids = new HashSet<>();
        doc.path("paths").forEach(path -> path.properties().forEach(op ->
                assertThat(ids.add(op.getValue().path("operationId").asText())).as(op.getKey()).isTrue()));
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        assertThat(refs).isNotEmpty().allSatisfy(ref -> {
            assertThat(ref).startsWith("#/");
            assertThat(doc.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
        });
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getKey().equals("$ref")) {
                    refs.add(e.getValue().asText());
                } else {
                    collectRefs(e.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collectRefs(n, refs));
        }
    }

    @Test
    void withoutAuthenticationNothingClaimsToNeedIt() {
        assertThat(doc.has("security")).isFalse();
        assertThat(doc.path("components").has("securitySchemes")).isFalse();
    }

    @Test
    void apiKeyModeDocumentsBothHeadersAndTheOpenPaths() {
        JsonNode d = OpenApiHandler.document(new AuthSettings.ApiKey("0123456789abcdef0123"));

        assertThat(d.path("security").toString()).isEqualTo("[{\"bearer\":[]},{\"apiKey\":[]}]");
        assertThat(d.path("components").path("securitySchemes").path("apiKey").path("name").asText()).isEqualTo("x-api-key");
        for (String open : AthenaeumServer.OPEN_PATHS) {
            assertThat(d.path("paths").path(open).path("get").path("security").toString()).as(open).isEqualTo("[]");
        }
        assertThat(d.path("paths").path("/search").path("post").has("security")).isFalse();
    }

    @Test
    void jwtModeDocumentsABearerJwt() {
        JsonNode d = OpenApiHandler.document(AuthSettings.Jwt.of("https://id.example/", "api", "https://id.example/jwks"));

        assertThat(d.path("components").path("securitySchemes").path("bearer").path("bearerFormat").asText()).isEqualTo("JWT");
        assertThat(d.path("security").toString()).isEqualTo("[{\"bearer\":[]}]");
    }
}
