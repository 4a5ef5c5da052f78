package dev.athenaeum.bench;

import dev.athenaeum.chunking.Chunk;
import dev.athenaeum.chunking.ChunkSettings;
import dev.athenaeum.chunking.MarkdownChunker;
import dev.athenaeum.chunking.TextTokenizer;
import dev.athenaeum.chunking.TokenSpans;
import dev.athenaeum.embedding.ChunkWindows;
import dev.athenaeum.embedding.WordPieceTokenizer;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ServerCorpusTest {

    static final Path NPM_DOCS = Path.of("..", "testdata", "npm-docs");

    /** Counts whitespace-separated words as tokens. */
    static final TextTokenizer WORDS = new TextTokenizer() {
        @Override
        public int count(String text) {
            String t = text.strip();
            return t.isEmpty() ? 0 : t.split("\\s+").length;
        }

        @Override
        public TokenSpans spans(String text) {
            throw new UnsupportedOperationException();
        }
    };

    static float[][] randomUnitVectors(int n, int dim, long seed) {
        Random rnd = new Random(seed);
        float[][] v = new float[n][dim];
        for (float[] row : v) {
            for (int d = 0; d < dim; d++) {
                row[d] = (float) rnd.nextGaussian();
            }
            Neighbours.normalise(row);
        }
        return v;
    }

    @Test
    void cleaningKeepsOneParagraphOfProse() {
        assertThat(ServerCorpus.clean("## Usage ```js const a = 1; ``` <!-- note --> done")).isEqualTo("Usage js const a = 1; note done");
        assertThat(ServerCorpus.clean("> - [x]: quoted §12 list")).isEqualTo("x]: quoted 12 list");
        assertThat(ServerCorpus.clean("~~~ ```")).isEqualTo("passage");
    }

    @Test
    void aMixTakesTheStartOfOneAndTheEndOfTheOther() {
        assertThat(ServerCorpus.mix("a1 a2 a3 a4", "b1 b2 b3 b4", 0.75)).isEqualTo("a1 a2 a3 b4");
        assertThat(ServerCorpus.mix("a1 a2 a3 a4", "b1 b2 b3 b4", 0.5)).isEqualTo("a1 a2 b3 b4");
        assertThat(ServerCorpus.mix("a1", "b1", 0.25)).isEqualTo("a1 b1");
    }

    @Test
    void fittingKeepsTheMostLeadingWordsThatFit() {
        assertThat(ServerCorpus.fit("one two three four five", WORDS, 10)).isEqualTo("one two three four five");
        assertThat(ServerCorpus.fit("one two three four five", WORDS, 3)).isEqualTo("one two three");
        assertThat(ServerCorpus.fit("one two three four five", WORDS, 0)).isEqualTo("one");
    }

    @Test
    void everySectionOfRealDocsBecomesExactlyOneChunkAndEveryWindowCarriesItsNumber() {
        RealPassages passages = RealPassages.collect(List.of(NPM_DOCS), 400, 100, 50);
        assertThat(passages.size()).isEqualTo(400);
        int n = 700;
        DerivedVectors derived = DerivedVectors.derive(randomUnitVectors(passages.size(), 8, 1), n, 0.1, 42);
        WordPieceTokenizer tokenizer = WordPieceTokenizer.fromClasspath("all-minilm-l6-v2-q-tokenizer.json", 256);
        List<CorpusMaker.Item> files = ServerCorpus.plan(passages, derived.mixes(), n, 50, tokenizer,
                SyntheticIndex.sectionTokens(ChunkSettings.DEFAULT));
        assertThat(files).hasSize(14);
        MarkdownChunker chunker = new MarkdownChunker(ChunkSettings.DEFAULT, tokenizer);
        // The window size of the MiniLM embedder the server benchmark indexes with.
        ChunkWindows windowing = new ChunkWindows(tokenizer, 192);
        List<Chunk> chunks = new ArrayList<>();
        for (CorpusMaker.Item f : files) {
            String title = f.text().lines().findFirst().orElseThrow().substring(2);
            for (Chunk c : chunker.chunk(f.path(), f.text())) {
                chunks.add(c);
                int id = chunks.size() - 1;
                assertThat(c.headings().get(c.headings().size() - 1)).endsWith("§" + id);
                for (String w : windowing.windows(title, c)) {
                    assertThat(SectionVectorModel.sectionId(w)).as(w).isEqualTo(id);
                }
            }
        }
        assertThat(chunks).hasSize(n);
    }
}
