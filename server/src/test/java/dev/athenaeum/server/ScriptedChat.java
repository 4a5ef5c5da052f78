package dev.athenaeum.server;

import dev.athenaeum.chat.AnswerListener;
import dev.athenaeum.chat.ChatAnswer;
import dev.athenaeum.chat.ChatException;
import dev.athenaeum.chat.ChatSource;
import dev.athenaeum.chat.ChatTurn;
import dev.athenaeum.chat.KnowledgeChat;
import dev.athenaeum.progress.Cancellation;
import dev.athenaeum.search.SearchHit;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A knowledge chat with a fixed script: it reports two sources, streams its pieces (optionally pausing between
 * them, checking for cancellation as a real one does), cites source 1, or fails with a given provider error.
 */
public final class ScriptedChat implements KnowledgeChat {

    public static final String MODEL = "scripted-model";
    public static final List<String> PIECES = List.of("Rotate keys ", "with `athenaeum keys rotate` ", "[1].");
    public static final ChatSource FIRST = new ChatSource(1, new SearchHit(7, "guides/keys.md",
            List.of("Keys", "Rotating keys"), 12, 30, 0.91, "Run athenaeum keys rotate."));
    public static final ChatSource SECOND = new ChatSource(2, new SearchHit(9, "faq.md",
            List.of("FAQ"), 3, 8, 0.42, "Questions and answers."));

    private final List<String> pieces;
    private final Duration pause;
    private final ChatException failure;
    private final boolean failAfterFirstPiece;
    public final CountDownLatch cancelled = new CountDownLatch(1);
    public final CountDownLatch started = new CountDownLatch(1);
    public final AtomicReference<List<ChatTurn>> lastConversation = new AtomicReference<>();

    private ScriptedChat(List<String> pieces, Duration pause, ChatException failure, boolean failAfterFirstPiece) {
        this.pieces = pieces;
        this.pause = pause;
        this.failure = failure;
        this.failAfterFirstPiece = failAfterFirstPiece;
    }

    public static ScriptedChat answering() {
        return new ScriptedChat(PIECES, Duration.ZERO, null, false);
    }

    /** Streams {@code count} pieces with {@code pause} between them: long enough to hang up in the middle. */
    public static ScriptedChat slow(int count, Duration pause) {
        return new ScriptedChat(java.util.Collections.nCopies(count, "word "), pause, null, false);
    }

    public static ScriptedChat failing(ChatException.Kind kind, boolean afterFirstPiece) {
        return new ScriptedChat(PIECES, Duration.ZERO, new ChatException(kind, "provider says " + kind), afterFirstPiece);
    }

    public static String text() {
        return String.join("", PIECES);
    }

    @Override
    public ChatAnswer answer(List<ChatTurn> conversation, AnswerListener listener, Cancellation cancel) {
        lastConversation.set(conversation);
        started.countDown();
        if (failure != null && !failAfterFirstPiece) {
            throw failure;
        }
        listener.onSources(List.of(FIRST, SECOND));
        StringBuilder text = new StringBuilder();
        for (String piece : pieces) {
            if (cancel.isCancelled()) {
                cancelled.countDown();
            }
            cancel.check();
            sleep();
            listener.onText(piece);
            text.append(piece);
            if (failure != null) {
                throw failure;
            }
        }
        String question = conversation.getLast().text();
        return new ChatAnswer(text.toString(), List.of(FIRST, SECOND), List.of(FIRST), question, MODEL, true);
    }

    private void sleep() {
        if (pause.isZero()) {
            return;
        }
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String model() {
        return MODEL;
    }
}
