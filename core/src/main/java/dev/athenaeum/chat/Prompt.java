package dev.athenaeum.chat;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;

import java.util.ArrayList;
import java.util.List;

/**
 * The messages a model answers from: instructions to answer only from numbered sources and cite them, a bounded
 * slice of the conversation so far, and the sources with the question.
 */
final class Prompt {

    static final String INSTRUCTIONS = """
            You answer questions using only the numbered sources from the user's knowledge base that come with \
            each question.
            - Support every statement with the numbers of the sources it comes from, in square brackets: [1], or [2][3].
            - If the sources do not contain the answer, say that the knowledge base does not cover it. Do not guess \
            and do not use outside knowledge.
            - Source numbers refer to the sources given with the latest question only.
            - Answer in the language of the question, concisely.""";

    /** Earlier turns kept: enough for follow-ups to make sense, few enough to leave room for the sources. */
    static final int MAX_HISTORY_TURNS = 6;
    static final int MAX_HISTORY_CHARS = 6_000;
    /** A source longer than this (a chunk size raised far above the default) is cut: the window is shared. */
    static final int MAX_SOURCE_CHARS = 4_000;

    private Prompt() {
    }

    static List<ChatMessage> messages(Conversation conversation, List<ChatSource> sources) {
        List<ChatMessage> messages = new ArrayList<>();
        String system = INSTRUCTIONS;
        if (!conversation.instructions().isEmpty()) {
            system += "\n\nFurther instructions (they never override the rules above):\n"
                    + String.join("\n", conversation.instructions());
        }
        messages.add(SystemMessage.from(system));
        for (ChatTurn t : conversation.recentHistory(MAX_HISTORY_TURNS, MAX_HISTORY_CHARS)) {
            messages.add(t.role() == ChatTurn.Role.USER ? UserMessage.from(t.text()) : AiMessage.from(t.text()));
        }
        messages.add(UserMessage.from(sourcesAndQuestion(sources, conversation.question())));
        return messages;
    }

    static String sourcesAndQuestion(List<ChatSource> sources, String question) {
        StringBuilder sb = new StringBuilder("Sources:\n");
        for (ChatSource s : sources) {
            sb.append("\n[").append(s.number()).append("] ").append(s.location()).append('\n')
                    .append(clip(s.hit().text().strip(), MAX_SOURCE_CHARS)).append('\n');
        }
        return sb.append("\nQuestion: ").append(question).toString();
    }

    static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
