package dev.athenaeum.server.chat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.athenaeum.chat.KnowledgeChat;
import io.javalin.http.Context;

import java.time.Clock;
import java.util.List;

/** {@code GET /v1/models}: OpenAI's model list, holding the one model that answers chat completions. */
public final class ModelsHandler {

    @JsonPropertyOrder({"object", "data"})
    record ModelList(String object, List<Model> data) {
    }

    @JsonPropertyOrder({"id", "object", "created", "owned_by"})
    record Model(String id, String object, long created, @JsonProperty("owned_by") String ownedBy) {
    }

    private final ModelList models;

    public ModelsHandler(KnowledgeChat chat, Clock clock) {
        // "created" is when this server started serving the model; OpenAI's is the model's release date.
        this.models = new ModelList("list",
                List.of(new Model(chat.model(), "model", clock.instant().getEpochSecond(), "athenaeum")));
    }

    public void handle(Context ctx) {
        ctx.json(models);
    }
}
