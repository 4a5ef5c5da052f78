package dev.athenaeum.search;

import java.util.Locale;

/** How results are found: meaning (dense vectors), words (BM25), or both fused. */
public enum SearchMode {
    HYBRID, DENSE, KEYWORD;

    public static SearchMode parse(String s) {
        try {
            return valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown search mode '" + s + "': use hybrid, dense or keyword");
        }
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
