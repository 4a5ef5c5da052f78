package dev.athenaeum.chat;

import java.util.List;

/**
 * The outcome of one question: the answer text, every source the model was shown, the ones the answer cites
 * ({@code [n]}), the query that retrieval used (a follow-up rewritten to stand alone), and which model wrote it.
 * When no model is configured, {@code generated} is false and the text says that only sources are given.
 */
public record ChatAnswer(String text, List<ChatSource> sources, List<ChatSource> cited, String standaloneQuery,
                         String model, boolean generated) {

    public ChatAnswer {
        sources = List.copyOf(sources);
        cited = List.copyOf(cited);
    }
}
