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

    /**
     * Version of how chunk text becomes model input (this class and {@link EmbeddingText}). Raise it whenever
     * either changes what the model sees: indexes then embed again instead of mixing old and new vectors.
     */
    public static final int PREPARATION = 1;

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

    /**
     * What a document is about in one line: its title and, when the front matter has one, its short description
     * ("npm-dedupe: Reduce duplication in the package tree"). Section text rarely names its own topic.
     */
    public static String documentLabel(String title, java.util.Map<String, Object> metadata) {
        Object description = metadata == null ? null : metadata.get("description");
        String d = description instanceof String s && !s.isBlank() && s.length() <= 300 ? s.strip() : null;
        if (title == null || title.isBlank()) {
            return d;
        }
        return d == null ? title.strip() : title.strip() + ": " + d;
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
            // Nothing but markup (say, an HTML comment): the context alone stands for the chunk, once.
            return List.of(context.isEmpty() ? chunk.text().strip() : context);
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
        int first = 0;
        while (true) {
            int last = Math.min(n, first + room) - 1;
            String window = slice(body, spans, first, last);
            // A window's text re-tokenizes on its own; should that ever take more tokens, give some back.
            while (last > first && tokenizer.count(window) > room) {
                last--;
                window = slice(body, spans, first, last);
            }
            out.add(prefix + window);
            if (last == n - 1) {
                return out;
            }
            int next = Math.max(first + 1, Math.min(first + stride, last + 1 - WINDOW_OVERLAP));
            // Start at the beginning of a word: a window opening with "##ing" would read (and tokenize) differently.
            int wordStart = next;
            while (wordStart > first + 1 && !startsWord(body, spans.starts()[wordStart])) {
                wordStart--;
            }
            first = startsWord(body, spans.starts()[wordStart]) ? wordStart : next;
        }
    }

    private static String slice(String body, TokenSpans spans, int first, int last) {
        int from = first == 0 ? 0 : spans.starts()[first];
        int to = last == spans.size() - 1 ? body.length() : spans.ends()[last];
        return body.substring(from, to);
    }

    /** Whether a token starting at {@code offset} begins a word rather than continuing one. */
    private static boolean startsWord(String s, int offset) {
        if (offset <= 0 || offset >= s.length()) {
            return true;
        }
        return !Character.isLetterOrDigit(s.charAt(offset - 1)) || !Character.isLetterOrDigit(s.charAt(offset));
    }
}
