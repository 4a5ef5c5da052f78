package dev.athenaeum.embedding;

import dev.athenaeum.chunking.Chunk;
import dev.athenaeum.chunking.TextTokenizer;
import dev.athenaeum.chunking.TokenSpans;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a chunk into the model inputs that represent it. A chunk longer than the model's window gets several
 * overlapping windows, each embedded on its own and each pointing back to the chunk, so a fact at the end of a
 * long chunk is as findable as one at its start. Every window begins with the document's context (title and
 * heading breadcrumb), which the model would otherwise never see for later windows.
 */
public final class ChunkWindows {

    /** Tokens two neighbouring windows share, so a sentence cut by a window boundary is whole in one of them. */
    static final int WINDOW_OVERLAP = 32;
    /** The context line never takes more than this share of a window. */
    private static final int MAX_CONTEXT_SHARE = 3;

    private final TextTokenizer tokenizer;
    private final int maxTokens;

    public ChunkWindows(TextTokenizer tokenizer, int maxTokens) {
        this.tokenizer = tokenizer;
        this.maxTokens = maxTokens;
    }

    /** The context line for a chunk: the document title (when the headings lack one) and the breadcrumb. */
    public static String context(String title, Chunk chunk) {
        List<String> parts = new ArrayList<>();
        if (title != null && !title.isBlank() && (chunk.headings().isEmpty() || !chunk.headings().get(0).equals(title))) {
            parts.add(title.strip());
        }
        for (String h : chunk.headings()) {
            parts.add(EmbeddingText.of(h));
        }
        return String.join(" > ", parts);
    }

    public List<String> windows(String title, Chunk chunk) {
        String context = context(title, chunk);
        String body = EmbeddingText.of(chunk.text());
        if (body.isEmpty()) {
            body = context;
        }
        int contextTokens = context.isEmpty() ? 0 : tokenizer.count(context);
        if (contextTokens > maxTokens / MAX_CONTEXT_SHARE) {
            context = "";
            contextTokens = 0;
        }
        String prefix = context.isEmpty() ? "" : context + "\n";
        int room = maxTokens - contextTokens - (context.isEmpty() ? 0 : 1);
        int bodyTokens = tokenizer.count(body);
        if (bodyTokens <= room) {
            return List.of(prefix + body);
        }
        TokenSpans spans = tokenizer.spans(body);
        int n = spans.size();
        int stride = Math.max(1, room - WINDOW_OVERLAP);
        List<String> out = new ArrayList<>();
        for (int first = 0; first < n; first += stride) {
            int last = Math.min(n, first + room) - 1;
            int from = spans.starts()[first];
            int to = spans.ends()[last];
            out.add(prefix + body.substring(from, to));
            if (last == n - 1) {
                break;
            }
        }
        return out;
    }
}
