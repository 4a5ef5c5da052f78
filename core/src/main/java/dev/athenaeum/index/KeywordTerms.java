package dev.athenaeum.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Text as keyword search sees it: stemmed terms with where they stand in the text. Front ends use it to mark the
 * words a keyword search matched, so the marks agree with the search ("editing" marks "edit").
 */
public final class KeywordTerms {

    private static final Analyzer ANALYZER = KeywordIndex.analyzer();

    /** A term and the characters {@code [start, end)} of the text it came from. */
    public record Token(String term, int start, int end) {
    }

    private KeywordTerms() {
    }

    public static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream ts = ANALYZER.tokenStream("text", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                tokens.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
            }
            ts.end();
        } catch (IOException e) {
            // Reading from a String cannot fail.
            throw new UncheckedIOException(e);
        }
        return tokens;
    }
}
