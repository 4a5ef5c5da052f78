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

    /**
     * Last resort for a single sentence or line longer than the budget: runs of at most {@code budget} tokens, cut
     * between words where possible so each piece reads (and tokenizes) as it does in place.
     */
    private void byTokens(String text, int start, int end, boolean reusable, List<Unit> out) {
        String piece = text.substring(start, end);
        TokenSpans spans = tokenizer.spans(piece);
        int n = spans.size();
        int first = 0;
        while (first < n) {
            int last = Math.min(n, first + budget) - 1;
            if (last < n - 1) {
                int cut = last;
                while (cut > first && !startsWord(piece, spans.starts()[cut + 1])) {
                    cut--;
                }
                if (cut > first) {
                    last = cut;
                }
            }
            Unit unit = piece(text, start, end, spans, first, last);
            // Cut inside a word, a piece can tokenize into more tokens than it had in place: give some back.
            while (unit.tokens() > budget && last > first) {
                last--;
                unit = piece(text, start, end, spans, first, last);
            }
            out.add(new Unit(unit.start(), unit.end(), unit.tokens(), reusable, false));
            first = last + 1;
        }
    }

    private Unit piece(String text, int start, int end, TokenSpans spans, int first, int last) {
        int n = spans.size();
        int from = first == 0 ? start : start + spans.starts()[first];
        int to = last == n - 1 ? end : start + spans.starts()[last + 1];
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        return new Unit(from, to, tokenizer.count(text.substring(from, to)), false, false);
    }

    /** Whether a token starting at {@code offset} begins a word (rather than continuing one). */
    private static boolean startsWord(String s, int offset) {
        if (offset <= 0 || offset >= s.length()) {
            return true;
        }
        char before = s.charAt(offset - 1);
        return !Character.isLetterOrDigit(before) || !Character.isLetterOrDigit(s.charAt(offset));
    }
}
