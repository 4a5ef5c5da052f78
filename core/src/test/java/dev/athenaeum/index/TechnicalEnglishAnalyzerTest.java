package dev.athenaeum.index;

import dev.athenaeum.chunking.ChunkSettings;
import dev.athenaeum.chunking.Chunk;
import dev.athenaeum.embedding.EmbeddingText;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class TechnicalEnglishAnalyzerTest {

    /**
     * What BM25 reads of a field: how often each term occurs and the field's length, which leaves out tokens
     * stacked on another's position (the word parts of an identifier); and how many were stacked.
     */
    private record FieldStats(Map<String, Integer> termFrequencies, int length, int stacked) {
    }

    @Test
    void splitsIdentifiersIntoTheirWords() throws IOException {
        FieldStats stats = stats(new TechnicalEnglishAnalyzer(), "Set peerDependenciesMeta in package-lock.json");
        assertThat(stats.termFrequencies()).containsKeys("peer", "depend", "meta", "packag", "lock", "json",
                "peerdependenciesmeta");
    }

    /**
     * Keyword search indexes the word-part graph unflattened. That is only sound while BM25 sees the same thing as
     * with flattening; checked chunk by chunk over a real documentation set.
     */
    @Test
    void indexesWhatAFlattenedGraphWouldForEveryNpmChunk() throws IOException {
        Analyzer unflattened = new TechnicalEnglishAnalyzer();
        Analyzer flattened = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                TokenStreamComponents c = new TechnicalEnglishAnalyzer().createComponents(field);
                return new TokenStreamComponents(c.getSource(), new FlattenGraphFilter(c.getTokenStream()));
            }
        };
        List<String> texts = npmChunkTexts();
        assertThat(texts).hasSizeGreaterThan(500);
        int withParts = 0;
        for (String text : texts) {
            FieldStats expected = stats(flattened, text);
            assertThat(stats(unflattened, text)).as(text).isEqualTo(expected);
            if (expected.stacked() > 0) {
                withParts++;
            }
        }
        // The comparison means something only if the word-part graph was actually exercised.
        assertThat(withParts).isGreaterThan(100);
    }

    private static List<String> npmChunkTexts() throws IOException {
        List<String> texts = new ArrayList<>();
        for (Chunk c : IndexTestSupport.npmChunks(ChunkSettings.of(256, 32))) {
            texts.add(EmbeddingText.of(c.text()));
            texts.add(EmbeddingText.of(String.join(" \n", c.headings())));
        }
        return texts;
    }

    private static FieldStats stats(Analyzer analyzer, String text) throws IOException {
        Map<String, Integer> tf = new TreeMap<>();
        int length = 0;
        int stacked = 0;
        try (TokenStream ts = analyzer.tokenStream(KeywordIndex.TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                tf.merge(term.toString(), 1, Integer::sum);
                if (increment.getPositionIncrement() > 0) {
                    length++;
                } else {
                    stacked++;
                }
            }
            ts.end();
        }
        return new FieldStats(tf, length, stacked);
    }
}
