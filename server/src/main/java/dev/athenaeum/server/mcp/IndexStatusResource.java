package dev.athenaeum.server.mcp;

import dev.athenaeum.index.IndexManifest;
import dev.athenaeum.index.KnowledgeIndex;
import dev.athenaeum.server.http.Json;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.Resource;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code athenaeum://index/status}: what the knowledge base holds and which models serve it, as JSON. */
final class IndexStatusResource {

    static final String URI = "athenaeum://index/status";

    private IndexStatusResource() {
    }

    static SyncResourceSpecification spec(KnowledgeIndex index, String chatModel) {
        Resource resource = Resource.builder()
                .uri(URI)
                .name("index-status")
                .title("Index status")
                .description("Files and chunks in the knowledge base, when it was built, and the models in use.")
                .mimeType("application/json")
                .build();
        // An open index never changes (updates write a new generation), so the text is computed once.
        String json = json(index.manifest(), index.generation().getFileName().toString(), chatModel);
        return new SyncResourceSpecification(resource, (context, request) ->
                new ReadResourceResult(List.of(new TextResourceContents(URI, "application/json", json))));
    }

    private static String json(IndexManifest m, String generation, String chatModel) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("files", m.counts().files());
        status.put("chunks", m.counts().chunks());
        status.put("generation", generation);
        status.put("createdAt", m.createdAt());
        status.put("embeddingModel", m.embedding().model());
        status.put("chatModel", chatModel);
        return Json.write(status);
    }
}
