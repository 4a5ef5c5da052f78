package dev.athenaeum.chat;

import dev.athenaeum.progress.Cancellation;
import dev.athenaeum.progress.CancelledException;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One streamed answer, handed from the HTTP client's thread to the thread that asked. The asking thread delivers
 * the pieces to the listener (so listeners need no locking and see text in order), checks for cancellation between
 * pieces, and gives up when the model stays silent longer than the timeout: the HTTP client's own timeout covers
 * only the wait for the first byte, not a stream that stalls half-way.
 */
final class StreamedAnswer implements StreamingChatResponseHandler {

    private static final long POLL_MILLIS = 50;

    private sealed interface Event permits Piece, Done, Failed {
    }

    private record Piece(String text) implements Event {
    }

    private record Done() implements Event {
    }

    private record Failed(Throwable error) implements Event {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    /** Set once the asker stopped listening; the stream is then closed at its next piece. */
    private volatile boolean abandoned;

    @Override
    public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
        if (abandoned) {
            context.streamingHandle().cancel();
            return;
        }
        if (partial.text() != null && !partial.text().isEmpty()) {
            events.add(new Piece(partial.text()));
        }
    }

    @Override
    public void onCompleteResponse(ChatResponse response) {
        events.add(new Done());
    }

    @Override
    public void onError(Throwable error) {
        events.add(new Failed(error));
    }

    /**
     * Waits for the whole answer, passing each piece to {@code listener}; returns the text.
     *
     * @throws CancelledException when {@code cancel} is set first
     * @throws ChatException when the provider fails or stays silent for {@code idleTimeout}
     */
    String await(AnswerListener listener, Cancellation cancel, Duration idleTimeout, ChatFailures failures) {
        StringBuilder text = new StringBuilder();
        long deadline = System.nanoTime() + idleTimeout.toNanos();
        try {
            while (true) {
                if (cancel.isCancelled()) {
                    throw new CancelledException();
                }
                Event e = events.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (e == null) {
                    if (System.nanoTime() > deadline) {
                        throw failures.timeout();
                    }
                    continue;
                }
                deadline = System.nanoTime() + idleTimeout.toNanos();
                switch (e) {
                    case Piece p -> {
                        text.append(p.text());
                        listener.onText(p.text());
                    }
                    case Done d -> {
                        return text.toString();
                    }
                    case Failed f -> throw failures.explain(f.error());
                }
            }
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } finally {
            abandoned = true;
        }
    }
}
