package dev.athenaeum.chat;

import java.util.Locale;

/** Who writes the answers. {@code NONE} answers with the retrieved sources only. */
public enum ChatProvider {
    NONE, OLLAMA, OPENAI;

    public static ChatProvider parse(String s) {
        try {
            return valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown provider '" + s + "': use ollama, openai or none");
        }
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
