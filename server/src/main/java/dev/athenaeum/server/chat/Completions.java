package dev.athenaeum.server.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.athenaeum.chat.ChatSource;

import java.util.List;

/**
 * OpenAI's {@code chat.completion} and {@code chat.completion.chunk} objects, field for field, plus one extra
 * top-level field, {@code citations}: the sources the answer cites. OpenAI clients ignore fields they do not know.
 */
final class Completions {

    static final String FINISHED = "stop";

    private Completions() {
    }

    @JsonPropertyOrder({"id", "object", "created", "model", "choices", "usage", "citations"})
    record Completion(String id, String object, long created, String model, List<Choice> choices, Usage usage,
                      List<Citation> citations) {
        Completion(String id, long created, String model, String text, Usage usage, List<Citation> citations) {
            this(id, "chat.completion", created, model,
                    List.of(new Choice(0, new Message("assistant", text, null), FINISHED, null)), usage, citations);
        }
    }

    @JsonPropertyOrder({"index", "message", "finish_reason", "logprobs"})
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Choice(int index, Message message, @JsonProperty("finish_reason") String finishReason, Object logprobs) {
    }

    @JsonPropertyOrder({"role", "content", "refusal"})
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Message(String role, String content, String refusal) {
    }

    /** Estimated, at four characters a token: the knowledge chat does not report its model's counts. */
    @JsonPropertyOrder({"prompt_tokens", "completion_tokens", "total_tokens"})
    record Usage(@JsonProperty("prompt_tokens") int promptTokens,
                 @JsonProperty("completion_tokens") int completionTokens,
                 @JsonProperty("total_tokens") int totalTokens) {

        static Usage estimate(long promptChars, long completionChars) {
            int prompt = tokens(promptChars);
            int completion = tokens(completionChars);
            return new Usage(prompt, completion, prompt + completion);
        }

        private static int tokens(long chars) {
            return (int) Math.min(Integer.MAX_VALUE, (chars + 3) / 4);
        }
    }

    @JsonPropertyOrder({"id", "object", "created", "model", "choices", "citations"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Chunk(String id, String object, long created, String model, List<ChunkChoice> choices,
                 List<Citation> citations) {
        Chunk(String id, long created, String model, ChunkChoice choice, List<Citation> citations) {
            this(id, "chat.completion.chunk", created, model, List.of(choice), citations);
        }
    }

    @JsonPropertyOrder({"index", "delta", "finish_reason", "logprobs"})
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ChunkChoice(int index, Delta delta, @JsonProperty("finish_reason") String finishReason, Object logprobs) {
        static ChunkChoice of(Delta delta, String finishReason) {
            return new ChunkChoice(0, delta, finishReason, null);
        }
    }

    /** The first delta carries the role, later ones text, the last one nothing. */
    @JsonPropertyOrder({"role", "content"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Delta(String role, String content) {
        static final Delta EMPTY = new Delta(null, null);
    }

    /** A source the answer cites as {@code [number]}, and where to find it again. */
    @JsonPropertyOrder({"number", "file", "headings", "startLine", "endLine"})
    record Citation(int number, String file, List<String> headings, int startLine, int endLine) {
        static List<Citation> of(List<ChatSource> sources) {
            return sources.stream().map(s -> new Citation(s.number(), s.hit().file(), s.hit().headings(),
                    s.hit().startLine(), s.hit().endLine())).toList();
        }
    }
}
