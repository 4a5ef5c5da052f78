package dev.athenaeum.chat;

import java.util.Objects;

/** One message of a conversation, as a person or a client sent it. */
public record ChatTurn(Role role, String text) {

    public enum Role { SYSTEM, USER, ASSISTANT }

    public ChatTurn {
        Objects.requireNonNull(role, "role");
        text = text == null ? "" : text;
    }

    public static ChatTurn user(String text) {
        return new ChatTurn(Role.USER, text);
    }

    public static ChatTurn assistant(String text) {
        return new ChatTurn(Role.ASSISTANT, text);
    }

    public static ChatTurn system(String text) {
        return new ChatTurn(Role.SYSTEM, text);
    }
}
