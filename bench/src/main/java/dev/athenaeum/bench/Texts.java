package dev.athenaeum.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Real text for the benchmarks: markdown files, passages of them, and their sections. */
public final class Texts {

    private Texts() {
    }

    /** Every {@code *.md} file under {@code dir}, in path order. */
    public static List<Path> markdownFiles(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".md"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Passages of {@code words} words starting every {@code stride} words (overlapping when stride &lt; words). A text
     * shorter than {@code words} gives one passage if it has at least {@code minWords} words; the tail of a longer text
     * is covered by a last passage ending at its last word.
     */
    public static List<String> passages(String text, int words, int stride, int minWords) {
        String[] w = text.strip().split("\\s+");
        List<String> out = new ArrayList<>();
        if (w.length == 0 || w[0].isEmpty() || w.length < minWords) {
            return out;
        }
        if (w.length <= words) {
            out.add(String.join(" ", w));
            return out;
        }
        int start = 0;
        for (; start + words <= w.length; start += stride) {
            out.add(String.join(" ", java.util.Arrays.copyOfRange(w, start, start + words)));
        }
        if (start - stride + words < w.length) {
            out.add(String.join(" ", java.util.Arrays.copyOfRange(w, w.length - words, w.length)));
        }
        return out;
    }

    /**
     * Splits markdown at ATX headings of exactly {@code level} ({@code "## "} for 2), ignoring lines inside fenced code
     * blocks. Each part starts at its heading; text before the first such heading is the first part. Blank parts are
     * dropped.
     */
    public static List<String> splitAtHeadings(String markdown, int level) {
        String marker = "#".repeat(level) + " ";
        List<String> parts = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean fenced = false;
        String fence = null;
        for (String line : markdown.split("\n", -1)) {
            String t = line.stripLeading();
            if (t.startsWith("```") || t.startsWith("~~~")) {
                String f = t.substring(0, 3);
                if (!fenced) {
                    fenced = true;
                    fence = f;
                } else if (f.equals(fence)) {
                    fenced = false;
                }
            } else if (!fenced && line.startsWith(marker)) {
                if (!cur.toString().isBlank()) {
                    parts.add(cur.toString());
                }
                cur.setLength(0);
            }
            cur.append(line).append('\n');
        }
        if (!cur.toString().isBlank()) {
            parts.add(cur.toString());
        }
        return parts;
    }

    /** The heading text of a part that starts with a heading line, as a file-name slug; "intro" otherwise. */
    public static String slug(String part) {
        String first = part.lines().findFirst().orElse("");
        if (!first.startsWith("#")) {
            return "intro";
        }
        String s = first.replaceFirst("^#+\\s*", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        if (s.length() > 48) {
            s = s.substring(0, 48).replaceAll("-+$", "");
        }
        return s.isEmpty() ? "section" : s;
    }
}
