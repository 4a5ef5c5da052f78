package dev.athenaeum.chat;

import java.util.List;

/** Receives an answer while it is produced: first the sources, then the text piece by piece. */
public interface AnswerListener {

    AnswerListener NONE = new AnswerListener() { };

    /** Called once, before any text, with the passages the model is shown. */
    default void onSources(List<ChatSource> sources) {
    }

    /** Called for each piece of answer text as the model streams it. */
    default void onText(String piece) {
    }
}
