package dev.athenaeum.server;

import dev.athenaeum.chat.KnowledgeChat;
import dev.athenaeum.index.KnowledgeIndex;
import dev.athenaeum.search.Searcher;

import java.util.Objects;

/**
 * What the API serves: an open index (for its statistics), a searcher over it and the chat that answers questions.
 * The caller opens and closes them; the server only uses them, so one index can serve several front ends.
 */
public record Backend(KnowledgeIndex index, Searcher searcher, KnowledgeChat chat) {

    public Backend {
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(searcher, "searcher");
        Objects.requireNonNull(chat, "chat");
    }
}
