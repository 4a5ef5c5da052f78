package dev.athenaeum.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Records what an answer reported, in order: {@code sources} once, then each text piece. */
final class RecordingListener implements AnswerListener {

    final List<String> events = new CopyOnWriteArrayList<>();
    final List<String> pieces = new CopyOnWriteArrayList<>();
    final List<List<ChatSource>> sources = new CopyOnWriteArrayList<>();
    private final Consumer<RecordingListener> afterPiece;

    RecordingListener() {
        this(l -> { });
    }

    /** {@code afterPiece} runs after each piece is recorded, e.g. to cancel half-way. */
    RecordingListener(Consumer<RecordingListener> afterPiece) {
        this.afterPiece = afterPiece;
    }

    @Override
    public void onSources(List<ChatSource> s) {
        events.add("sources");
        sources.add(new ArrayList<>(s));
    }

    @Override
    public void onText(String piece) {
        events.add("text");
        pieces.add(piece);
        afterPiece.accept(this);
    }

    String text() {
        return String.join("", pieces);
    }
}
