package dev.athenaeum.index;

import dev.athenaeum.chunking.ChunkSettings;
import dev.athenaeum.embedding.ChunkWindows;
import dev.athenaeum.embedding.Embedder;
import dev.athenaeum.embedding.EmbeddingText;
import dev.athenaeum.search.SearchHit;
import dev.athenaeum.search.SearchMode;
import dev.athenaeum.search.SearchRequest;
import dev.athenaeum.search.Searcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No text is silently lost: a chunk far longer than the model's 256-piece input is embedded as several windows,
 * so a fact in its last paragraph is found by meaning. The long section is a ~3100-token account of a winter at
 * a lighthouse whose last paragraph, and only that, tells of the keeper's cat; beside it are topical distractors
 * (a guide to lighthouse lenses, one to indoor cats) and two npm pages.
 */
class LongChunkTest {

    static final String LONG_DOC = "skerry-point.md";
    static final String SECTION = "A Winter on the Rock, 1894";
    static final String FACT = "The lighthouse keeper's cat was named Ptolemy";
    /** Paraphrased: neither "cat" nor "Ptolemy" nor "lamp room". */
    static final String QUESTION = "What was the keeper's pet called, and which part of the lighthouse did it sleep in?";

    @TempDir
    static Path tmp;
    static Path corpus;
    static KnowledgeIndex index;
    static Searcher searcher;
    static StoredChunk longChunk;
    static List<String> windows;

    @BeforeAll
    static void build() throws IOException {
        corpus = tmp.resolve("docs");
        Files.createDirectories(corpus);
        for (String f : List.of(LONG_DOC, "indoor-cats.md", "lighthouse-optics.md")) {
            try (InputStream in = LongChunkTest.class.getResourceAsStream("/longchunk/" + f)) {
                Files.copy(in, corpus.resolve(f));
            }
        }
        IndexTestSupport.copyNpmDocs(corpus, "commands/npm-ping.md", "using-npm/orgs.md");
        IndexTestSupport.build(corpus, tmp.resolve("index"), ChunkSettings.of(4096, 64));
        index = KnowledgeIndex.open(tmp.resolve("index"));
        searcher = new Searcher(index, IndexTestSupport.embedder());
        longChunk = IndexTestSupport.chunksOf(index, LONG_DOC).stream()
                .filter(sc -> sc.chunk().headings().contains(SECTION)).findFirst().orElseThrow();
        windows = IndexTestSupport.windowsOf(index, LONG_DOC, longChunk.chunk());
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    @Test
    void theSectionIsOneChunkOfMoreThan3000Tokens() throws IOException {
        String file = Files.readString(corpus.resolve(LONG_DOC));
        String section = file.substring(file.indexOf("## " + SECTION), file.indexOf("## Visiting the Rock Today")).strip();
        Embedder e = IndexTestSupport.embedder();
        assertThat(e.tokenizer().count(section)).isGreaterThan(3000);

        List<StoredChunk> chunks = IndexTestSupport.chunksOf(index, LONG_DOC);
        assertThat(chunks).filteredOn(sc -> sc.chunk().headings().contains(SECTION)).hasSize(1);
        assertThat(longChunk.chunk().headings()).containsExactly("The Keepers of Skerry Point", SECTION);
        assertThat(longChunk.chunk().tokens()).isGreaterThan(3000).isLessThanOrEqualTo(4096)
                .isEqualTo(e.tokenizer().count(longChunk.chunk().text()));
        assertThat(longChunk.chunk().text()).contains(section).endsWith("where the warmth of the burner rose through the floor grating.");
        SourceChecks.assertChunkMatchesFile(corpus, longChunk.chunk());
    }

    @Test
    void theChunkIsStoredAsManyWindowsThatTogetherHoldAllOfItsText() {
        Embedder e = IndexTestSupport.embedder();
        int minWindows = (int) Math.ceil(longChunk.chunk().tokens() / (double) e.windowTokens());
        assertThat(longChunk.windowCount()).isGreaterThanOrEqualTo(minWindows).isGreaterThanOrEqualTo(12)
                .isEqualTo(windows.size());

        String context = ChunkWindows.context(IndexTestSupport.contextTitle(IndexTestSupport.entry(index, LONG_DOC)),
                longChunk.chunk());
        assertThat(context).isEqualTo("The Keepers of Skerry Point > " + SECTION);
        String body = EmbeddingText.of(longChunk.chunk().text());
        int coveredTo = 0;
        for (int i = 0; i < windows.size(); i++) {
            String w = windows.get(i);
            assertThat(e.tokenizer().count(w)).as("window %d fits the model's input", i).isLessThanOrEqualTo(e.windowTokens());
            assertThat(w).as("window %d starts with the context line", i).startsWith(context + "\n");
            String part = w.substring(context.length() + 1);
            int at = body.indexOf(part, Math.max(0, coveredTo - part.length()));
            assertThat(at).as("window %d is a slice of the chunk's text", i).isGreaterThanOrEqualTo(0);
            assertThat(at).as("window %d leaves no gap after the previous one", i).isLessThanOrEqualTo(coveredTo);
            coveredTo = Math.max(coveredTo, at + part.length());
        }
        assertThat(coveredTo).as("the windows reach the end of the chunk").isEqualTo(body.length());
        assertThat(windows.get(0)).doesNotContain("Ptolemy");
        assertThat(windows.get(windows.size() - 1)).contains(FACT);
    }

    @Test
    void storedWindowVectorsAreTheEmbeddingsOfThoseWindows() {
        Embedder e = IndexTestSupport.embedder();
        List<float[]> stored = IndexTestSupport.vectorsOf(index, longChunk.id());
        List<float[]> fresh = e.embed(windows);
        for (int i = 0; i < windows.size(); i++) {
            // Close, not equal: the quantised model's output shifts a little with the padding of its batch.
            assertThat(IndexTestSupport.cosine(stored.get(i), fresh.get(i))).as("window %d", i).isGreaterThan(0.97);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {QUESTION, "Where did the keepers' grey tomcat spend its nights?"})
    void denseSearchFindsTheFactAtTheEndOfTheLongChunkFirst(String question) {
        List<SearchHit> hits = searcher.search(SearchRequest.builder(question).mode(SearchMode.DENSE).topK(5).build());
        assertThat(hits.get(0).chunkId()).as("best hit; all: %s", hits.stream().map(h -> h.file() + ":" + h.startLine()).toList())
                .isEqualTo(longChunk.id());
        assertThat(hits.get(0).text()).contains(FACT + " and slept every night in the lamp room");
        assertThat(hits.get(0).startLine()).isEqualTo(longChunk.chunk().startLine());
        assertThat(hits.get(0).endLine()).isEqualTo(longChunk.chunk().endLine());
    }

    @Test
    void hybridAndKeywordSearchFindItToo() {
        assertThat(searcher.search(SearchRequest.builder(QUESTION).mode(SearchMode.HYBRID).build()).get(0).chunkId())
                .isEqualTo(longChunk.id());
        assertThat(searcher.search(SearchRequest.builder("Ptolemy").mode(SearchMode.KEYWORD).build()))
                .extracting(SearchHit::chunkId).containsExactly(longChunk.id());
    }

    @Test
    void theFirstWindowAloneWouldNotHaveFoundIt() {
        Embedder e = IndexTestSupport.embedder();
        float[] q = e.embedQuery(QUESTION);
        double first = IndexTestSupport.cosine(q, e.embedQuery(windows.get(0)));
        double last = IndexTestSupport.cosine(q, e.embedQuery(windows.get(windows.size() - 1)));
        assertThat(last).as("the window holding the fact answers the question far better").isGreaterThan(first + 0.1);

        // Had the chunk been represented by its first 254 tokens only (what a model reading one input silently
        // keeps), a distractor would rank above it.
        double bestOther = searcher.search(SearchRequest.builder(QUESTION).mode(SearchMode.DENSE).topK(10).build()).stream()
                .filter(h -> h.chunkId() != longChunk.id())
                .mapToDouble(SearchHit::score).max().orElseThrow();
        assertThat(first).isLessThan(bestOther);
        assertThat(last).isGreaterThan(bestOther);
    }
}
