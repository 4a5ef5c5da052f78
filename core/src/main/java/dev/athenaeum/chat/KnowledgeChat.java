package dev.athenaeum.chat;

import dev.athenaeum.progress.Cancellation;

import java.util.List;

/**
 * Answers questions about a knowledge base: retrieves passages for the latest user turn (rewritten to stand alone when
 * it is a follow-up), shows them to a model as numbered sources and streams its answer. The CLI, the workbench and
 * the HTTP server all answer through this one interface.
 */
public interface KnowledgeChat {

    /**
     * Answers the last user turn of {@code conversation}, reporting progress to {@code listener}.
     *
     * @throws ChatException with a one-line, actionable message when the provider fails
     * @throws dev.athenaeum.progress.CancelledException when {@code cancel} is set while the answer streams
     */
    ChatAnswer answer(List<ChatTurn> conversation, AnswerListener listener, Cancellation cancel);

    /** The model that writes answers, e.g. {@code llama3.1:8b}; {@link ChatSettings#RETRIEVAL_ONLY} when there is none. */
    String model();
}
