package dev.athenaeum.chunking;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Cuts one block that exceeds the chunk budget into units that fit, at the most natural places available. */
final class BlockSplitter {

    private final TextTokenizer tokenizer;
    private final int budget;

    BlockSplitter(TextTokenizer tokenizer, int budget) {
        this.tokenizer = tokenizer;
        this.budget = budget;
    }

    /** Prose: sentence by sentence; a sentence that alone is too long, by tokens. */
    List<Unit> bySentences(String text, int start, int end) {
        List<Unit> out = new ArrayList<>();
        BreakIterator it = BreakIterator.getSentenceInstance(Locale.ROOT);
        String block = text.substring(start, end);
        it.setText(block);
        int from = it.first();
        for (int to = it.next(); to != BreakIterator.DONE; from = to, to = it.next()) {
            addTrimmed(text, start + from, start + to, true, out);
        }
        return out;
    }

    /**
     * Code and tables: runs of whole lines. Runs are not reusable as overlap, so a code block continues in the
     * next chunk exactly where the previous one stopped.
     */
    List<Unit> byLines(String text, int start, int end) {
        List<Unit> out = new ArrayList<>();
        int lineStart = start;
        while (lineStart < end) {
            int nl = text.indexOf('\n', lineStart);
            int lineEnd = nl < 0 || nl >= end ? end : nl + 1;
            addTrimmed(text, lineStart, lineEnd, false, out);
            lineStart = lineEnd;
        }
        return out;
    }

    private void addTrimmed(String text, int start, int end, boolean reusable, List<Unit> out) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (start >= end) {
            return;
        }
        int tokens = tokenizer.count(text.substring(start, end));
        if (tokens <= budget) {
            out.add(new Unit(start, end, tokens, reusable, false));
        } else {
            byTokens(text, start, end, reusable, out);
        }
    }

    /** Last resort for a single sentence or line longer than the budget: equal runs of tokens. */
    private void byTokens(String text, int start, int end, boolean reusable, List<Unit> out) {
        TokenSpans spans = tokenizer.spans(text.substring(start, end));
        int n = spans.size();
        for (int first = 0; first < n; first += budget) {
            int last = Math.min(n, first + budget) - 1;
            int from = first == 0 ? start : start + spans.starts()[first];
            int to = last == n - 1 ? end : start + spans.starts()[last + 1];
            while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
                to--;
            }
            out.add(new Unit(from, to, last - first + 1, reusable, false));
        }
    }
}
