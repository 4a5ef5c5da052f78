package dev.athenaeum.chat;

import java.util.ArrayList;
import java.util.List;

/**
 * A conversation split the way answering needs it: the caller's system instructions, the earlier exchange, and the
 * question being asked now (the last turn, which must come from the user).
 */
record Conversation(List<String> instructions, List<ChatTurn> history, String question) {

    Conversation {
        instructions = List.copyOf(instructions);
        history = List.copyOf(history);
    }

    static Conversation of(List<ChatTurn> turns) {
        if (turns == null || turns.isEmpty()) {
            throw new IllegalArgumentException("the conversation is empty: ask a question");
        }
        ChatTurn last = turns.get(turns.size() - 1);
        if (last.role() != ChatTurn.Role.USER || last.text().isBlank()) {
            throw new IllegalArgumentException("the conversation must end with a question from the user");
        }
        List<String> instructions = new ArrayList<>();
        List<ChatTurn> history = new ArrayList<>();
        for (ChatTurn t : turns.subList(0, turns.size() - 1)) {
            if (t.text().isBlank()) {
                continue;
            }
            if (t.role() == ChatTurn.Role.SYSTEM) {
                instructions.add(t.text().strip());
            } else {
                history.add(t);
            }
        }
        return new Conversation(instructions, history, last.text().strip());
    }

    /** A follow-up depends on what was said before, so it cannot be searched for as it stands. */
    boolean isFollowUp() {
        return previousQuestion() != null;
    }

    /** The user's question before this one, or null. */
    String previousQuestion() {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).role() == ChatTurn.Role.USER) {
                return history.get(i).text().strip();
            }
        }
        return null;
    }

    /**
     * The most recent earlier turns that fit both limits, oldest first: long conversations would otherwise crowd
     * the sources out of the model's context window.
     */
    List<ChatTurn> recentHistory(int maxTurns, int maxChars) {
        List<ChatTurn> kept = new ArrayList<>();
        int chars = 0;
        for (int i = history.size() - 1; i >= 0 && kept.size() < maxTurns; i--) {
            ChatTurn t = history.get(i);
            chars += t.text().length();
            if (chars > maxChars) {
                break;
            }
            kept.add(0, t);
        }
        return kept;
    }
}
