package dev.athenaeum.chunking;

import dev.athenaeum.corpus.CorpusScanner;
import dev.athenaeum.corpus.Document;
import dev.athenaeum.corpus.DocumentLoader;
import dev.athenaeum.corpus.LoadResult;
import dev.athenaeum.corpus.ScanOptions;
import dev.athenaeum.corpus.ScanResult;
import dev.athenaeum.corpus.SourceFile;
import dev.athenaeum.embedding.WordPieceTokenizer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties every chunking of a real documentation set must have, checked over all of the npm CLI docs at chunk
 * sizes from tiny to huge. Expected values come from {@link MarkdownOutline}, which reads the raw text line by line
 * and shares no code with the chunker.
 */
class MarkdownChunkerPropertiesTest {

    private static final Path NPM_DOCS = Path.of("../testdata/npm-docs");

    private static WordPieceTokenizer tokenizer;
    private static List<Document> documents;
    private static final Map<ChunkSettings, Map<Document, List<Located>>> CACHE = new ConcurrentHashMap<>();

    /** A chunk with where its text sits in the document. */
    record Located(Chunk chunk, int start, int end) {
    }

    static Stream<ChunkSettings> settings() {
        return Stream.of(ChunkSettings.of(64, 0), ChunkSettings.of(128, 32), ChunkSettings.of(256, 64),
                ChunkSettings.of(512, 64), ChunkSettings.of(1024, 200), ChunkSettings.of(4096, 1200));
    }

    @BeforeAll
    static void loadDocs() {
        tokenizer = WordPieceTokenizer.fromClasspath("all-minilm-l6-v2-q-tokenizer.json", 256);
        ScanResult scan = new CorpusScanner(ScanOptions.builder().root(NPM_DOCS).build()).scan();
        DocumentLoader loader = new DocumentLoader(ScanOptions.DEFAULT_MAX_FILE_BYTES);
        List<Document> docs = new ArrayList<>();
        for (SourceFile f : scan.files()) {
            LoadResult r = loader.load(f);
            assertThat(r).as(f.file()).isInstanceOf(LoadResult.Loaded.class);
            docs.add(((LoadResult.Loaded) r).document());
        }
        assertThat(scan.skipped()).isEmpty();
        documents = List.copyOf(docs);
    }

    @AfterAll
    static void close() {
        tokenizer.close();
    }

    @Test
    void theWholeDocumentationSetIsLoaded() {
        assertThat(documents).hasSize(91);
        assertThat(documents).extracting(Document::file)
                .contains("commands/npm-install.md", "configuring-npm/package-json.md", "using-npm/config.md");
    }

    private static Map<Document, List<Located>> chunked(ChunkSettings settings) {
        return CACHE.computeIfAbsent(settings, s -> {
            MarkdownChunker chunker = new MarkdownChunker(s, tokenizer);
            Map<Document, List<Located>> out = new LinkedHashMap<>();
            for (Document d : documents) {
                out.put(d, locate(d, chunker.chunk(d)));
            }
            return out;
        });
    }

    /** Finds each chunk's text on its start line; a chunk that cannot be found there is located at -1. */
    private static List<Located> locate(Document d, List<Chunk> chunks) {
        MarkdownOutline outline = new MarkdownOutline(d.text());
        List<Located> out = new ArrayList<>();
        for (Chunk c : chunks) {
            int start = -1;
            if (c.startLine() <= outline.lineCount()) {
                int from = outline.lineStart(c.startLine());
                int found = d.text().indexOf(c.text(), from);
                if (found >= 0 && found <= outline.lineEnd(c.startLine())) {
                    start = found;
                }
            }
            out.add(new Located(c, start, start < 0 ? -1 : start + c.text().length()));
        }
        return out;
    }

    private static String where(Document d, Chunk c) {
        return d.file() + " lines " + c.startLine() + "-" + c.endLine() + " [" + c.breadcrumb() + "]";
    }

    private static void assertNoViolations(List<String> violations) {
        assertThat(violations).as("%d violations, first ones", violations.size())
                .isEqualTo(List.of());
    }

    @ParameterizedTest
    @MethodSource("settings")
    void everyChunkIsAnExactSliceStartingOnItsStartLine(ChunkSettings settings) {
        List<String> violations = new ArrayList<>();
        chunked(settings).forEach((d, chunks) -> {
            int previousStart = -1;
            for (Located l : chunks) {
                if (l.start() < 0) {
                    violations.add(where(d, l.chunk()) + ": text not found on its start line");
                    continue;
                }
                if (l.start() < previousStart) {
                    violations.add(where(d, l.chunk()) + ": starts before the previous chunk");
                }
                previousStart = l.start();
            }
        });
        assertNoViolations(violations);
    }

    @ParameterizedTest
    @MethodSource("settings")
    void noTextIsLost(ChunkSettings settings) {
        List<String> violations = new ArrayList<>();
        chunked(settings).forEach((d, chunks) -> {
            String text = d.text();
            boolean[] covered = new boolean[text.length()];
            for (Located l : chunks) {
                for (int i = Math.max(0, l.start()); i < l.end(); i++) {
                    covered[i] = true;
                }
            }
            MarkdownOutline outline = new MarkdownOutline(text);
            int lost = 0;
            for (int i = 0; i < text.length(); i++) {
                if (!covered[i] && !Character.isWhitespace(text.charAt(i))) {
                    if (lost++ == 0) {
                        int line = outline.lineOf(i);
                        violations.add(d.file() + " line " + line + " column " + (i - outline.lineStart(line) + 1)
                                + " is in no chunk: " + outline.lines.get(line - 1));
                    }
                }
            }
        });
        assertNoViolations(violations);
    }

    @ParameterizedTest
    @MethodSource("settings")
    void chunksFitTheBudgetAndCountTheirTokensRight(ChunkSettings settings) {
        List<String> violations = new ArrayList<>();
        chunked(settings).forEach((d, chunks) -> {
            for (Located l : chunks) {
                Chunk c = l.chunk();
                // The chunk's count is the sum of its pieces'; re-tokenizing the joined text may differ by a token
                // where two pieces meet.
                int actual = tokenizer.count(c.text());
                if (c.tokens() > settings.chunkSize()) {
                    violations.add(where(d, c) + ": " + c.tokens() + " tokens is over " + settings.chunkSize());
                }
                if (Math.abs(actual - c.tokens()) > 2) {
                    violations.add(where(d, c) + ": says " + c.tokens() + " tokens, the tokenizer counts " + actual);
                }
                if (actual > settings.chunkSize() + 2) {
                    violations.add(where(d, c) + ": text has " + actual + " tokens, over " + settings.chunkSize());
                }
            }
        });
        assertNoViolations(violations);
    }

    @ParameterizedTest
    @MethodSource("settings")
    void lineNumbersAreThoseOfTheFirstAndLastCharacter(ChunkSettings settings) {
        List<String> violations = new ArrayList<>();
        chunked(settings).forEach((d, chunks) -> {
            MarkdownOutline outline = new MarkdownOutline(d.text());
            for (Located l : chunks) {
                if (l.start() < 0) {
                    continue;
                }
                Chunk c = l.chunk();
                int first = outline.lineOf(l.start());
                int last = outline.lineOf(l.end() - 1);
                if (first != c.startLine() || last != c.endLine()) {
                    violations.add(where(d, c) + ": text spans lines " + first + "-" + last);
                }
                if (Character.isWhitespace(c.text().charAt(0)) || Character.isWhitespace(c.text().charAt(c.text().length() - 1))) {
                    violations.add(where(d, c) + ": starts or ends with whitespace");
                }
            }
        });
        assertNoViolations(violations);
    }

    @ParameterizedTest
    @MethodSource("settings")
    void fencedCodeBlocksThatFitStayWhole(ChunkSettings settings) {
        assertBlocksWhole(settings, true);
    }

    @ParameterizedTest
    @MethodSource("settings")
    void tablesThatFitStayWhole(ChunkSettings settings) {
        assertBlocksWhole(settings, false);
    }

    private static void assertBlocksWhole(ChunkSettings settings, boolean fences) {
        List<String> violations = new ArrayList<>();
        int[] checked = new int[1];
        chunked(settings).forEach((d, chunks) -> {
            MarkdownOutline outline = new MarkdownOutline(d.text());
            for (MarkdownOutline.Span block : fences ? outline.fences : outline.tables) {
                int tokens = tokenizer.count(d.text().substring(block.start(), block.end()));
                if (tokens > settings.chunkSize()) {
                    continue;
                }
                checked[0]++;
                String name = d.file() + (fences ? " code block" : " table") + " at lines " + block.firstLine() + "-" + block.lastLine()
                        + " (" + tokens + " tokens)";
                boolean whole = chunks.stream().anyMatch(l -> l.start() >= 0 && l.start() <= block.start() && l.end() >= block.end());
                if (!whole) {
                    violations.add(name + " is in no single chunk");
                }
                for (Located l : chunks) {
                    if (block.contains(l.start()) || block.contains(l.end())) {
                        violations.add(name + " is cut by the chunk at " + where(d, l.chunk()));
                    }
                }
            }
        });
        if (settings.chunkSize() >= 256) {
            assertThat(checked[0]).as("blocks small enough to check").isGreaterThan(fences ? 400 : 8);
        }
        assertNoViolations(violations);
    }

    @ParameterizedTest
    @MethodSource("settings")
    void breadcrumbsAreTheHeadingsOpenWhereTheChunkStarts(ChunkSettings settings) {
        List<String> violations = new ArrayList<>();
        chunked(settings).forEach((d, chunks) -> {
            MarkdownOutline outline = new MarkdownOutline(d.text());
            for (Located l : chunks) {
                Chunk c = l.chunk();
                List<MarkdownOutline.Heading> open = outline.openBefore(c.startLine());
                // A heading with nothing under it travels into the chunk of the deeper heading that follows: take
                // every heading line the chunk opens with, before its first other line.
                for (int line = c.startLine(); line <= c.endLine(); line++) {
                    MarkdownOutline.Heading h = outline.headingAt(line);
                    if (h != null) {
                        MarkdownOutline.enter(open, h);
                    } else if (!outline.lines.get(line - 1).isBlank()) {
                        break;
                    }
                }
                List<String> expected = open.stream().map(MarkdownOutline.Heading::text).toList();
                if (!expected.equals(c.headings())) {
                    violations.add(where(d, c) + ": expected [" + String.join(" > ", expected) + "]");
                }
            }
        });
        assertNoViolations(violations);
    }

    @ParameterizedTest
    @MethodSource("settings")
    void everyChunkHasText(ChunkSettings settings) {
        List<String> violations = new ArrayList<>();
        chunked(settings).forEach((d, chunks) -> {
            if (chunks.isEmpty()) {
                violations.add(d.file() + ": no chunks");
            }
            for (Located l : chunks) {
                if (l.chunk().text().isBlank() || l.chunk().tokens() <= 0) {
                    violations.add(where(d, l.chunk()) + ": blank");
                }
                if (!l.chunk().file().equals(d.file())) {
                    violations.add(where(d, l.chunk()) + ": wrong file " + l.chunk().file());
                }
            }
        });
        assertNoViolations(violations);
    }

    @ParameterizedTest
    @MethodSource("settings")
    void overlapRepeatsOnlyProseAndNoMoreThanAllowed(ChunkSettings settings) {
        List<String> violations = new ArrayList<>();
        int[] stats = new int[4]; // continuation pairs, with overlap, prose-ending pairs, prose-ending with overlap
        chunked(settings).forEach((d, chunks) -> {
            MarkdownOutline outline = new MarkdownOutline(d.text());
            for (int i = 1; i < chunks.size(); i++) {
                Located prev = chunks.get(i - 1);
                Located next = chunks.get(i);
                if (prev.start() < 0 || next.start() < 0) {
                    continue;
                }
                boolean continuation = !outline.isHeadingLine(next.chunk().startLine());
                if (next.start() < prev.end()) {
                    String repeated = d.text().substring(next.start(), prev.end());
                    if (!continuation) {
                        violations.add(where(d, next.chunk()) + ": a new section repeats the previous chunk");
                        continue;
                    }
                    if (!next.chunk().headings().equals(prev.chunk().headings())) {
                        violations.add(where(d, next.chunk()) + ": overlap across sections");
                    }
                    if (".,;:!?)]}".indexOf(repeated.charAt(0)) >= 0) {
                        violations.add(where(d, next.chunk()) + ": repeated text starts mid-sentence: " + repeated.substring(0, Math.min(40, repeated.length())));
                    }
                    int tokens = tokenizer.count(repeated);
                    if (tokens > settings.chunkOverlap() + 2) {
                        violations.add(where(d, next.chunk()) + ": repeats " + tokens + " tokens, over " + settings.chunkOverlap());
                    }
                    for (MarkdownOutline.Span block : outline.fences) {
                        boolean intersects = block.start() < prev.end() && block.end() > next.start();
                        boolean whole = block.start() >= next.start() && block.end() <= prev.end();
                        if (intersects && !whole) {
                            violations.add(where(d, next.chunk()) + ": repeats part of the code block at line " + block.firstLine());
                        }
                    }
                    for (MarkdownOutline.Span block : outline.tables) {
                        boolean intersects = block.start() < prev.end() && block.end() > next.start();
                        boolean whole = block.start() >= next.start() && block.end() <= prev.end();
                        if (intersects && !whole) {
                            violations.add(where(d, next.chunk()) + ": repeats part of the table at line " + block.firstLine());
                        }
                    }
                }
                if (continuation) {
                    stats[0]++;
                    if (next.start() < prev.end()) {
                        stats[1]++;
                    }
                    if (endsInShortProse(outline, prev, settings.chunkOverlap())) {
                        stats[2]++;
                        if (next.start() < prev.end()) {
                            stats[3]++;
                        }
                    }
                }
            }
        });
        assertNoViolations(violations);
        if (settings.chunkOverlap() == 0) {
            assertThat(stats[1]).as("chunks that overlap with overlap 0").isZero();
        } else {
            assertThat(stats[1]).as("continuation chunks (of %d) that repeat text", stats[0]).isPositive();
        }
        if (stats[2] >= 10) {
            // A chunk ending in a short sentence of prose gives the next one something to repeat. Exceptions are
            // rare: a big next block can leave no room for overlap.
            assertThat(stats[3]).as("of %d chunks ending in a short prose sentence, those whose successor repeats it", stats[2])
                    .isGreaterThanOrEqualTo(stats[2] * 8 / 10);
        }
    }

    /** Whether the chunk's last line is plain prose (no code, table, heading or list) whose last sentence fits the overlap. */
    private static boolean endsInShortProse(MarkdownOutline outline, Located l, int overlap) {
        if (overlap < 64) {
            return false;
        }
        int line = outline.lineOf(l.end() - 1);
        String last = outline.lines.get(line - 1).strip();
        if (outline.inFence[line - 1] || outline.isHeadingLine(line) || last.startsWith("|") || last.isEmpty()) {
            return false;
        }
        String tail = outline.text.substring(outline.lineStart(line), l.end()).strip();
        if (!(tail.endsWith(".") || tail.endsWith(":"))) {
            return false;
        }
        int cut = Math.max(tail.lastIndexOf(". ", tail.length() - 2), tail.lastIndexOf(": ", tail.length() - 2));
        String sentence = cut < 0 ? tail : tail.substring(cut + 2);
        return tokenizer.count(sentence) <= overlap / 2;
    }
}
