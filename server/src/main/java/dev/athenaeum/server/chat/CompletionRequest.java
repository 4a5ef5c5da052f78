package dev.athenaeum.server.chat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.athenaeum.chat.ChatTurn;
import dev.athenaeum.server.http.ApiError;
import dev.athenaeum.server.http.JsonBody;

import java.util.ArrayList;
import java.util.List;

/**
 * The parts of an OpenAI chat completion request this server uses: the conversation, whether to stream, and the
 * model the client named. Sampling options ({@code temperature}, {@code max_tokens}, …) are accepted and ignored:
 * the knowledge chat decides how it asks its model, and clients send them by default.
 */
record CompletionRequest(List<ChatTurn> conversation, boolean stream, String model) {

    static final int MAX_MESSAGES = 500;

    CompletionRequest {
        conversation = List.copyOf(conversation);
    }

    static CompletionRequest parse(JsonBody body) {
        JsonNode messages = body.node().get("messages");
        if (messages == null || messages.isNull()) {
            throw ApiError.badRequest("messages", "'messages' is required");
        }
        if (!messages.isArray() || messages.isEmpty()) {
            throw ApiError.badRequest("messages", "'messages' must be a non-empty array of {role, content}");
        }
        if (messages.size() > MAX_MESSAGES) {
            throw ApiError.badRequest("messages", "at most " + MAX_MESSAGES + " messages are accepted");
        }
        List<ChatTurn> turns = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            turns.add(turn(messages.get(i), "messages[" + i + "]"));
        }
        if (turns.stream().noneMatch(t -> t.role() == ChatTurn.Role.USER)) {
            throw ApiError.badRequest("messages", "the conversation has no user message to answer");
        }
        return new CompletionRequest(turns, body.bool("stream", false), body.string("model"));
    }

    private static ChatTurn turn(JsonNode message, String where) {
        if (!message.isObject()) {
            throw ApiError.badRequest(where, where + " must be an object with 'role' and 'content'");
        }
        JsonNode role = message.get("role");
        if (role == null || !role.isTextual()) {
            throw ApiError.badRequest(where + ".role", where + ".role must be system, user or assistant");
        }
        ChatTurn.Role r = switch (role.textValue()) {
            // OpenAI's newer name for the system role.
            case "system", "developer" -> ChatTurn.Role.SYSTEM;
            case "user" -> ChatTurn.Role.USER;
            case "assistant" -> ChatTurn.Role.ASSISTANT;
            default -> throw ApiError.badRequest(where + ".role", where + ".role '" + role.textValue()
                    + "' is not supported: use system, user or assistant (tools are not available)");
        };
        String text = text(message.get("content"), where + ".content");
        if (r == ChatTurn.Role.USER && text.isBlank()) {
            // A question is what retrieval searches for; an empty one would find arbitrary passages.
            throw ApiError.badRequest(where + ".content", where + " is a user message without text");
        }
        return new ChatTurn(r, text);
    }

    /** A string, or an array of {@code {type: "text", text}} parts joined by newlines; null counts as empty. */
    private static String text(JsonNode content, String where) {
        if (content == null || content.isNull()) {
            return "";
        }
        if (content.isTextual()) {
            return content.textValue();
        }
        if (!content.isArray()) {
            throw ApiError.badRequest(where, where + " must be a string or an array of text parts");
        }
        List<String> parts = new ArrayList<>(content.size());
        for (JsonNode part : content) {
            JsonNode type = part.get("type");
            JsonNode text = part.get("text");
            if (!part.isObject() || type == null || !"text".equals(type.textValue()) || text == null || !text.isTextual()) {
                throw ApiError.badRequest(where, where + " may only hold {\"type\": \"text\", \"text\": \"...\"} parts"
                        + " (images and audio are not supported)");
            }
            parts.add(text.textValue());
        }
        return String.join("\n", parts);
    }
}
