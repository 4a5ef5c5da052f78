package dev.athenaeum.gui.tuning;

import dev.athenaeum.chunking.Chunk;

import java.util.Locale;

/**
 * One chunk of the previewed file as the tuning screen lists it: where it starts and ends, its breadcrumb, size
 * and the start of its text.
 */
public record ChunkRow(int number, String breadcrumb, int startLine, int endLine, int tokens, String text) {

    /** Enough text to recognise a chunk; the whole of it is in the source view. */
    static final int PREVIEW_CHARS = 300;

    static ChunkRow of(int number, Chunk chunk) {
        String text = chunk.text().length() <= PREVIEW_CHARS ? chunk.text() : chunk.text().substring(0, PREVIEW_CHARS) + " …";
        return new ChunkRow(number, chunk.breadcrumb(), chunk.startLine(), chunk.endLine(), chunk.tokens(), text);
    }

    /** "#3 · lines 12–40 · 230 tokens" */
    public String heading() {
        return String.format(Locale.ROOT, "#%d · lines %d–%d · %d tokens", number, startLine, endLine, tokens);
    }
}
