package dev.athenaeum.index;

import dev.athenaeum.chunking.Chunk;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks a chunk (or a search hit) against the real source file, computed independently of the chunker: the text
 * must be the file's own text on lines {@code startLine..endLine}, and the heading breadcrumb must be the outline
 * of ATX headings above it.
 */
final class SourceChecks {

    private static final Pattern ATX = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~).*");

    private SourceChecks() {
    }

    /**
     * The text starts on line {@code startLine}, ends on line {@code endLine}, and is exactly the file's characters
     * between those points.
     */
    static void assertTextIsFileRegion(Path file, String text, int startLine, int endLine) throws IOException {
        List<String> lines = IndexTestSupport.lines(file);
        assertThat(startLine).as("start line of %s", file).isBetween(1, lines.size());
        assertThat(endLine).as("end line of %s", file).isBetween(startLine, lines.size());
        String region = String.join("\n", lines.subList(startLine - 1, endLine));
        int at = region.indexOf(text);
        assertThat(at).as("chunk text of %s:%d-%d is a verbatim slice of those lines", file, startLine, endLine)
                .isGreaterThanOrEqualTo(0);
        assertThat(at).as("chunk text begins on line %d", startLine).isLessThanOrEqualTo(lines.get(startLine - 1).length());
        int lastLineStart = region.length() - lines.get(endLine - 1).length();
        assertThat(at + text.length()).as("chunk text ends on line %d", endLine).isGreaterThan(lastLineStart);
        assertThat(text).as("chunk text is trimmed").isEqualTo(text.strip());
    }

    /** The breadcrumb the file's ATX headings give at {@code endLine} (headings inside code fences ignored). */
    static List<String> breadcrumbAt(Path file, int endLine) throws IOException {
        List<String> lines = IndexTestSupport.lines(file);
        List<Integer> levels = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        boolean inFence = false;
        for (int i = 0; i < endLine; i++) {
            String line = lines.get(i);
            if (FENCE.matcher(line).matches()) {
                inFence = !inFence;
                continue;
            }
            Matcher m = ATX.matcher(line);
            if (!inFence && m.matches()) {
                int level = m.group(1).length();
                while (!levels.isEmpty() && levels.get(levels.size() - 1) >= level) {
                    levels.remove(levels.size() - 1);
                    texts.remove(texts.size() - 1);
                }
                levels.add(level);
                texts.add(m.group(2));
            }
        }
        return texts;
    }

    static void assertHeadingsMatchFile(Path file, List<String> headings, int endLine) throws IOException {
        List<String> expected = breadcrumbAt(file, endLine).stream().map(SourceChecks::plain).toList();
        assertThat(headings.stream().map(SourceChecks::plain).toList())
                .as("heading breadcrumb of %s up to line %d", file, endLine)
                .isEqualTo(expected);
    }

    static void assertChunkMatchesFile(Path root, Chunk chunk) throws IOException {
        Path file = root.resolve(chunk.file());
        assertTextIsFileRegion(file, chunk.text(), chunk.startLine(), chunk.endLine());
        assertHeadingsMatchFile(file, chunk.headings(), chunk.endLine());
    }

    /** Letters and digits only, lower case: markdown markup in headings (backticks, links) does not count. */
    static String plain(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
    }
}
