package dev.athenaeum.server.chat;

import dev.athenaeum.chat.AnswerListener;
import dev.athenaeum.chat.ChatAnswer;
import dev.athenaeum.chat.ChatException;
import dev.athenaeum.chat.ChatTurn;
import dev.athenaeum.chat.KnowledgeChat;
import dev.athenaeum.progress.Cancellation;
import dev.athenaeum.progress.CancelledException;
import dev.athenaeum.server.chat.Completions.ChunkChoice;
import dev.athenaeum.server.chat.Completions.Citation;
import dev.athenaeum.server.chat.Completions.Delta;
import dev.athenaeum.server.http.ApiError;
import dev.athenaeum.server.http.ErrorResponses;
import dev.athenaeum.server.http.JsonBody;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code POST /v1/chat/completions}: OpenAI's chat completions, answered by the knowledge chat. Whatever model the
 * client names, the configured one answers (clients send their own default, e.g. {@code gpt-4o-mini}); responses
 * name the model that really answered.
 */
public final class ChatCompletionsHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ChatCompletionsHandler.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ApiError SHUTTING_DOWN = new ApiError(503, ApiError.SERVER, "shutting_down",
            "the server shut down before the answer was finished; ask again");

    private final KnowledgeChat chat;
    private final long maxRequestBytes;
    private final InFlight inFlight;
    private final Clock clock;

    public ChatCompletionsHandler(KnowledgeChat chat, long maxRequestBytes, InFlight inFlight, Clock clock) {
        this.chat = chat;
        this.maxRequestBytes = maxRequestBytes;
        this.inFlight = inFlight;
        this.clock = clock;
    }

    public void handle(Context ctx) {
        CompletionRequest request = CompletionRequest.parse(JsonBody.read(ctx, maxRequestBytes));
        String id = newId();
        long created = clock.instant().getEpochSecond();
        Cancellation cancel = inFlight.begin();
        try {
            if (request.stream()) {
                stream(ctx, request, id, created, cancel);
            } else {
                ChatAnswer answer = answer(request, AnswerListener.NONE, cancel);
                ctx.json(new Completions.Completion(id, created, answer.model(), answer.text(),
                        usage(request, answer.text().length()), Citation.of(answer.cited())));
            }
        } catch (CancelledException e) {
            if (inFlight.stopping()) {
                throw SHUTTING_DOWN;
            }
            throw e;
        } finally {
            inFlight.end(cancel);
        }
    }

    private void stream(Context ctx, CompletionRequest request, String id, long created, Cancellation cancel) {
        SseStream sse = new SseStream(ctx.res(), cancel);
        String model = chat.model();
        AtomicLong streamed = new AtomicLong();
        AnswerListener listener = new AnswerListener() {
            @Override
            public void onText(String piece) {
                if (piece.isEmpty()) {
                    return;
                }
                if (!sse.started()) {
                    sse.send(new Completions.Chunk(id, created, model, ChunkChoice.of(new Delta("assistant", ""), null), null));
                }
                streamed.addAndGet(piece.length());
                sse.send(new Completions.Chunk(id, created, model, ChunkChoice.of(new Delta(null, piece), null), null));
            }
        };
        ChatAnswer answer;
        try {
            answer = answer(request, listener, cancel);
        } catch (ApiError e) {
            if (!sse.started()) {
                throw e;
            }
            // The status line is long gone: OpenAI reports mid-stream failures as an error event.
            sse.send(e.body());
            sse.done();
            return;
        } catch (CancelledException e) {
            if (inFlight.stopping() && sse.started()) {
                sse.send(SHUTTING_DOWN.body());
                sse.done();
                return;
            }
            if (inFlight.stopping()) {
                throw SHUTTING_DOWN;
            }
            LOG.debug("stream {} cancelled: the client went away", id);
            return;
        } catch (RuntimeException e) {
            if (!sse.started()) {
                throw e;
            }
            LOG.error("the answer failed after streaming began", e);
            sse.send(ErrorResponses.internal().body());
            sse.done();
            return;
        }
        if (streamed.get() == 0 && !answer.text().isEmpty()) {
            // An implementation that does not stream (or only answers with sources) still ends up on the wire.
            listener.onText(answer.text());
        } else if (!sse.started()) {
            sse.send(new Completions.Chunk(id, created, model, ChunkChoice.of(new Delta("assistant", ""), null), null));
        }
        sse.send(new Completions.Chunk(id, created, answer.model(), ChunkChoice.of(Delta.EMPTY, Completions.FINISHED),
                Citation.of(answer.cited())));
        sse.done();
    }

    private ChatAnswer answer(CompletionRequest request, AnswerListener listener, Cancellation cancel) {
        try {
            return chat.answer(request.conversation(), listener, cancel);
        } catch (ChatException e) {
            LOG.warn("the chat provider failed ({}): {}", e.kind(), e.getMessage());
            throw ChatErrors.of(e);
        } catch (IllegalArgumentException e) {
            // The chat refuses conversations it cannot answer (e.g. nothing to search for) with a plain message.
            throw ApiError.badRequest("messages", e.getMessage());
        }
    }

    private static String newId() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return "chatcmpl-" + HexFormat.of().formatHex(bytes);
    }

    private static Completions.Usage usage(CompletionRequest request, long completionChars) {
        long prompt = request.conversation().stream().map(ChatTurn::text).mapToLong(String::length).sum();
        return Completions.Usage.estimate(prompt, completionChars);
    }
}
