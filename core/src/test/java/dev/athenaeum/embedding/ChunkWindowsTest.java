package dev.athenaeum.embedding;

import dev.athenaeum.chunking.Chunk;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class ChunkWindowsTest {

    /** The default model's window: 256 word pieces less the two special tokens. */
    private static final int MAX_TOKENS = 254;

    private static WordPieceTokenizer tokenizer;
    private static ChunkWindows windows;

    @BeforeAll
    static void open() {
        tokenizer = WordPieceTokenizer.fromClasspath("all-minilm-l6-v2-q-tokenizer.json", 256);
        windows = new ChunkWindows(tokenizer, MAX_TOKENS);
    }

    @AfterAll
    static void close() {
        tokenizer.close();
    }

    private static Chunk chunk(List<String> headings, String text) {
        return new Chunk("using-npm/config.md", headings, 1, (int) text.lines().count(), text, tokenizer.count(text));
    }

    @Test
    void contextIsTitleThenBreadcrumb() {
        Chunk c = chunk(List.of("Config Settings", "`cache`"), "Default: Windows: `%LocalAppData%\\npm-cache`");

        assertThat(ChunkWindows.context("Config", c)).isEqualTo("Config > Config Settings > cache");
    }

    @Test
    void titleIsNotRepeatedWhenItIsTheFirstHeading() {
        Chunk c = chunk(List.of("Config", "Description"), "This article details npm configuration in general.");

        assertThat(ChunkWindows.context("Config", c)).isEqualTo("Config > Description");
    }

    @Test
    void theDescriptionJoinsTheTitleOrTheFirstHeadingThatIsTheTitle() {
        Chunk c = chunk(List.of("Config", "Description"), "This article details npm configuration in general.");
        ChunkWindows small = new ChunkWindows(tokenizer, 128);

        assertThat(small.windows("Config", "More than you probably want to know about npm configuration", c).get(0))
                .startsWith("Config: More than you probably want to know about npm configuration > Description\n");
        Chunk nested = chunk(List.of("Config Settings", "`cache`"), "The location of npm's cache directory.");
        assertThat(small.windows("config", "npm configuration", nested).get(0))
                .startsWith("config: npm configuration > Config Settings > cache\n");
    }

    @Test
    void aContextLineTooLongForItsShareOfTheWindowLosesTheDescriptionThenOuterHeadings() {
        ChunkWindows small = new ChunkWindows(tokenizer, 128);
        String description = "A very long description of this page that goes on about everything the page covers, "
                + "from installation to configuration to the many ways things can fail in practice";
        Chunk c = chunk(List.of("Installing, upgrading and configuring the npm command line tool on Linux, macOS and Windows",
                "Troubleshooting a failed installation behind corporate firewalls and TLS-inspecting proxies", "Proxy settings"),
                "Set the proxy option when a corporate proxy sits between you and the registry.");

        String context = small.windows("npm-install", description, c).get(0).lines().findFirst().orElseThrow();

        assertThat(tokenizer.count(context)).as("a quarter of the window at most").isLessThanOrEqualTo(128 / 4);
        assertThat(context).doesNotContain("very long description").startsWith("npm-install > ").endsWith("Proxy settings");
        assertThat(context).doesNotContain("Installing, upgrading");
    }

    @Test
    void contextWithoutTitleOrHeadings() {
        Chunk c = chunk(List.of(), "A preamble before any heading.");

        assertThat(ChunkWindows.context(null, c)).isEmpty();
        assertThat(ChunkWindows.context("  ", c)).isEmpty();
        assertThat(ChunkWindows.context(" Config ", c)).isEqualTo("Config");
    }

    @Test
    void shortChunkIsOneWindowStartingWithItsContext() {
        Chunk c = chunk(List.of("Description", "Environment Variables"),
                "Any environment variables that start with `npm_config_` will be interpreted as a configuration parameter.\n"
                        + "For details see [this issue](https://github.com/npm/npm/issues/14528).");

        List<String> out = windows.windows("Config", c);

        assertThat(out).containsExactly("Config > Description > Environment Variables\n"
                + "Any environment variables that start with npm_config_ will be interpreted as a configuration parameter.\n"
                + "For details see this issue.");
    }

    @Test
    void chunkWithoutContextHasNoPrefixLine() {
        Chunk c = chunk(List.of(), "Run **npm doctor** when installs fail.");

        assertThat(windows.windows(null, c)).containsExactly("Run npm doctor when installs fail.");
    }

    @Test
    void chunkThatIsOnlyMarkupIsRepresentedByItsContextOnce() {
        Chunk c = chunk(List.of("Deprecated settings"), "<!-- generated: do not edit -->");

        assertThat(windows.windows("Config", c)).containsExactly("Config > Deprecated settings");
    }

    @Test
    void anOverlongHeadingIsLeftOutButTheTitleStays() {
        String heading = IntStream.range(0, 40).mapToObj(i -> "configuration option number " + i).collect(Collectors.joining(" "));
        Chunk c = chunk(List.of(heading), "Setting this to false stops npm from checking the registry.");

        assertThat(windows.windows("Config", c)).containsExactly("Config\nSetting this to false stops npm from checking the registry.");
        assertThat(windows.windows(heading, c)).containsExactly("Setting this to false stops npm from checking the registry.");
    }

    /** About 3000 tokens of real documentation: the config settings reference, from its first entry on. */
    private static String longConfigText() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("../testdata/npm-docs/using-npm/config.md"));
        int from = lines.indexOf("#### `_auth`");
        assertThat(from).isPositive();
        List<String> taken = new ArrayList<>();
        int tokens = 0;
        for (int i = from + 1; i < lines.size() && !(lines.get(i).isBlank() && tokens >= 3050); i++) {
            taken.add(lines.get(i));
            tokens += tokenizer.count(EmbeddingText.of(lines.get(i)));
        }
        return String.join("\n", taken).strip();
    }

    @Test
    void longChunkIsCutIntoOverlappingWindowsThatEachFit() throws IOException {
        String text = longConfigText();
        Chunk c = chunk(List.of("Config Settings"), text);
        String body = EmbeddingText.of(text);
        int bodyTokens = tokenizer.count(body);
        assertThat(bodyTokens).isBetween(3000, 3400);

        List<String> out = windows.windows("Config", c);

        String prefix = "Config > Config Settings\n";
        assertThat(out).hasSizeBetween(bodyTokens / MAX_TOKENS + 1, bodyTokens / (MAX_TOKENS - 32 - 8) + 2);
        int previousStart = -1;
        int previousEnd = 0;
        for (int i = 0; i < out.size(); i++) {
            String w = out.get(i);
            assertThat(tokenizer.count(w)).as("tokens of window %d", i).isLessThanOrEqualTo(MAX_TOKENS);
            assertThat(w).startsWith(prefix);
            String piece = w.substring(prefix.length());
            int start = body.indexOf(piece, Math.max(0, previousStart + 1));
            assertThat(start).as("window %d is a slice of the cleaned body", i).isGreaterThanOrEqualTo(0);
            if (i == 0) {
                assertThat(start).isZero();
            } else {
                assertThat(start).as("window %d overlaps window %d", i, i - 1).isLessThan(previousEnd);
                assertThat(start).as("window %d moves on", i).isGreaterThan(previousStart);
                assertThat(tokenizer.count(body.substring(start, previousEnd))).as("overlap of window %d", i)
                        .isGreaterThanOrEqualTo(ChunkWindows.WINDOW_OVERLAP - 2);
                char before = body.charAt(start - 1);
                assertThat(Character.isLetterOrDigit(before) && Character.isLetterOrDigit(body.charAt(start)))
                        .as("window %d starts inside a word: ...%s|%s", i, body.substring(start - 10, start), piece.substring(0, 10))
                        .isFalse();
            }
            previousStart = start;
            previousEnd = start + piece.length();
        }
        assertThat(previousEnd).as("the last window reaches the end of the body").isEqualTo(body.length());
        String lastSentence = body.substring(body.lastIndexOf('\n') + 1);
        assertThat(out.get(out.size() - 1)).endsWith(lastSentence);
    }

    @Test
    void windowsAreCutRightInTextWithEmoji() {
        StringBuilder text = new StringBuilder();
        String[] notes = {"Deploy finished 🚀 on all regions.", "Rollback ready ✅ if the error rate climbs.",
                "Pager quiet 😴 for the whole night.", "Customer 👩‍💻 reports arrive through the support queue."};
        for (int i = 0; i < 60; i++) {
            text.append(notes[i % notes.length]).append(' ');
        }
        text.append("Last line of the log.");
        Chunk c = chunk(List.of(), text.toString());
        ChunkWindows small = new ChunkWindows(tokenizer, 64);

        List<String> out = small.windows(null, c);

        assertThat(out).hasSizeGreaterThan(5);
        for (String w : out) {
            assertThat(tokenizer.count(w)).isLessThanOrEqualTo(64);
            assertThat(text.toString()).contains(w);
            assertThat(Character.isLowSurrogate(w.charAt(0))).as("starts inside an emoji: %s", w).isFalse();
            assertThat(Character.isHighSurrogate(w.charAt(w.length() - 1))).as("ends inside an emoji: %s", w).isFalse();
        }
        assertThat(out.get(0)).startsWith("Deploy finished 🚀");
        assertThat(out.get(out.size() - 1)).endsWith("Last line of the log.");
    }
}
