package dev.athenaeum.chat;

import dev.athenaeum.progress.Cancellation;
import dev.athenaeum.progress.CancelledException;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Turns a follow-up ("and on Windows?") into a question that can be searched for on its own. A model does it best;
 * without one, or when the call fails, the previous question is put in front of the follow-up, which keeps its
 * subject in the search.
 */
final class FollowUpRewriter {

    static final String INSTRUCTIONS = """
            Rewrite the user's last message as one standalone search query that can be understood without the \
            conversation: replace pronouns and references with what they refer to. Keep the user's wording where \
            possible. Reply with the query only, no explanation and no quotes.""";
    /** Longer than any sensible query: the model answered the question instead of rewriting it. */
    static final int MAX_QUERY_CHARS = 400;
    private static final int MAX_OUTPUT_TOKENS = 100;
    private static final int HISTORY_TURNS = 4;
    private static final int HISTORY_CHARS = 3_000;

    private final ChatModel model;
    private final ChatFailures failures;

    /** {@code model} may be null: then every follow-up is rewritten without one. */
    FollowUpRewriter(ChatModel model, ChatFailures failures) {
        this.model = model;
        this.failures = failures;
    }

    /** The query to search for: the question itself unless it follows earlier ones. */
    String standalone(Conversation c, Cancellation cancel) {
        if (!c.isFollowUp()) {
            return c.question();
        }
        if (model != null) {
            try {
                String rewritten = clean(ask(c, cancel));
                if (rewritten != null) {
                    return rewritten;
                }
            } catch (ChatException e) {
                // The answer would fail the same way: say so now rather than after searching.
                if (e.kind() == ChatException.Kind.UNREACHABLE || e.kind() == ChatException.Kind.UNAUTHORIZED
                        || e.kind() == ChatException.Kind.MODEL_NOT_FOUND) {
                    throw e;
                }
            }
        }
        return withoutModel(c);
    }

    static String withoutModel(Conversation c) {
        return c.previousQuestion() + " " + c.question();
    }

    private String ask(Conversation c, Cancellation cancel) {
        StringBuilder transcript = new StringBuilder();
        for (ChatTurn t : c.recentHistory(HISTORY_TURNS, HISTORY_CHARS)) {
            transcript.append(t.role() == ChatTurn.Role.USER ? "User: " : "Assistant: ")
                    .append(Prompt.clip(t.text().strip(), 1_000)).append('\n');
        }
        transcript.append("User: ").append(c.question());
        ChatRequest request = ChatRequest.builder()
                .messages(List.of(SystemMessage.from(INSTRUCTIONS),
                        UserMessage.from("Conversation:\n" + transcript + "\n\nStandalone query:")))
                .temperature(0.0)
                .maxOutputTokens(MAX_OUTPUT_TOKENS)
                .build();
        // The client blocks; running it aside keeps the question cancellable while a model loads.
        CompletableFuture<String> call = CompletableFuture.supplyAsync(() -> model.chat(request).aiMessage().text(),
                Thread::startVirtualThread);
        try {
            while (true) {
                if (cancel.isCancelled()) {
                    call.cancel(true);
                    throw new CancelledException();
                }
                try {
                    return call.get(50, TimeUnit.MILLISECONDS);
                } catch (TimeoutException notYet) {
                    // Poll the cancellation again.
                }
            }
        } catch (ExecutionException e) {
            throw failures.explain(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        }
    }

    /** The query in the model's reply, or null when the reply is not usable as one. */
    static String clean(String reply) {
        if (reply == null) {
            return null;
        }
        String s = reply.strip();
        // Small models like to announce what they are doing.
        for (String prefix : List.of("standalone query:", "query:", "search query:", "rewritten query:")) {
            if (s.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                s = s.substring(prefix.length()).strip();
            }
        }
        int nl = s.indexOf('\n');
        if (nl >= 0) {
            s = s.substring(0, nl).strip();
        }
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            s = s.substring(1, s.length() - 1).strip();
        }
        return s.isEmpty() || s.length() > MAX_QUERY_CHARS ? null : s;
    }
}
