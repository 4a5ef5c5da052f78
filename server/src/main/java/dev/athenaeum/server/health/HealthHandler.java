package dev.athenaeum.server.health;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.athenaeum.index.IndexManifest;
import dev.athenaeum.index.KnowledgeIndex;
import dev.athenaeum.index.Version;
import io.javalin.http.Context;

/**
 * {@code GET /health}: whether the server is up and what it serves. Open even when authentication is on, so load
 * balancers and container probes need no credentials; it shows counts and model names, nothing from the documents.
 */
public final class HealthHandler {

    @JsonPropertyOrder({"status", "version", "index", "embeddingModel", "chatModel"})
    public record Health(String status, String version, IndexStats index, String embeddingModel, String chatModel) {
    }

    @JsonPropertyOrder({"files", "chunks", "generation", "formatVersion", "createdAt"})
    public record IndexStats(int files, int chunks, String generation, int formatVersion, String createdAt) {
    }

    private final Health health;

    public HealthHandler(KnowledgeIndex index, String chatModel) {
        // An open index never changes (updates write a new generation), so the answer is computed once.
        IndexManifest m = index.manifest();
        IndexStats stats = new IndexStats(m.counts().files(), m.counts().chunks(),
                index.generation().getFileName().toString(), m.formatVersion(), m.createdAt());
        this.health = new Health("ok", Version.current(), stats, m.embedding().model(), chatModel);
    }

    public void handle(Context ctx) {
        ctx.header("Cache-Control", "no-store").json(health);
    }
}
