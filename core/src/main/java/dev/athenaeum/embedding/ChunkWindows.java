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
     * 2: the context line takes at most a quarter of a window instead of a third.
     */
    public static final int PREPARATION = 2;

    /** Tokens two neighbouring windows share, so a sentence cut by a window boundary is whole in one of them. */
    static final int WINDOW_OVERLAP = 32;
    /**
     * The context line never takes more than this share of a window: 48 tokens of a 192-token window, no fewer than
     * a third of the earlier 128. Long breadcrumbs of API references need the room; shorter context lines (measured
     * together with less overlap) lost dense recall there.
     */
    private static final int MAX_CONTEXT_SHARE = 4;

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
        String d = description(metadata);
        if (title == null || title.isBlank()) {
            return d;
        }
        return d == null ? title.strip() : title.strip() + ": " + d;
    }

    /** A short front-matter description, if the document has one. */
    public static String description(java.util.Map<String, Object> metadata) {
        Object description = metadata == null ? null : metadata.get("description");
        return description instanceof String s && !s.isBlank() && s.length() <= 300 ? s.strip() : null;
    }

    /** The context line for a chunk: the document title (when the headings lack one) and the breadcrumb. */
    public static String context(String title, Chunk chunk) {
        return String.join(" > ", contextParts(title, null, chunk, 0));
    }

    /**
     * Context parts: the title (unless the first heading already is it), with the description attached when given,
     * then the headings from {@code firstHeading} on.
     */
    private static List<String> contextParts(String title, String description, Chunk chunk, int firstHeading) {
        List<String> headings = chunk.headings().stream().map(EmbeddingText::of).toList();
        String t = title == null || title.isBlank() ? null : title.strip();
        boolean titleIsFirstHeading = t != null && !headings.isEmpty() && headings.get(0).equalsIgnoreCase(t);
        List<String> parts = new ArrayList<>();
        String lead = titleIsFirstHeading ? headings.get(0) : t;
        int from = titleIsFirstHeading ? Math.max(1, firstHeading) : firstHeading;
        if (lead != null) {
            parts.add(description == null ? lead : lead + ": " + description);
        }
        parts.addAll(headings.subList(Math.min(from, headings.size()), headings.size()));
        return parts;
    }

    /**
     * The longest context line that fits its share of the window: with the description, then without it, then
     * without the outermost headings — the title and the nearest heading say the most.
     */
    private String fittingContext(String title, String description, Chunk chunk) {
        int budget = maxTokens / MAX_CONTEXT_SHARE;
        List<String> candidates = new ArrayList<>();
        if (description != null && !description.isBlank()) {
            candidates.add(String.join(" > ", contextParts(title, description.strip(), chunk, 0)));
        }
        for (int first = 0; first <= chunk.headings().size(); first++) {
            candidates.add(String.join(" > ", contextParts(title, null, chunk, first)));
        }
        if (!chunk.headings().isEmpty()) {
            candidates.add(EmbeddingText.of(chunk.headings().get(chunk.headings().size() - 1)));
        }
        for (String c : candidates) {
            if (c.isEmpty() || tokenizer.count(c) <= budget) {
                return c;
            }
        }
        return "";
    }

    public List<String> windows(String title, Chunk chunk) {
        return windows(title, null, chunk);
    }

    /** The model inputs for {@code chunk} of a document with this title and (front matter) description. */
    public List<String> windows(String title, String description, Chunk chunk) {
        return windows(title, description, chunk, EmbeddingText.of(chunk.text()));
    }

    /** As {@link #windows(String, String, Chunk)}, given the chunk's {@link EmbeddingText} already made. */
    public List<String> windows(String title, String description, Chunk chunk, String body) {
        String context = fittingContext(title, description, chunk);
        if (body.isEmpty()) {
            // Nothing but markup (say, an HTML comment): the context alone stands for the chunk, once.
            return List.of(context.isEmpty() ? chunk.text().strip() : context);
        }
        int contextTokens = context.isEmpty() ? 0 : tokenizer.count(context);
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
