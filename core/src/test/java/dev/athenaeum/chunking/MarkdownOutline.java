package dev.athenaeum.chunking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the chunker tests check chunks against, worked out from the raw text with plain line rules and no markdown
 * parser: line starts, fenced code blocks, pipe tables and ATX headings (outside fences).
 */
final class MarkdownOutline {

    /** A span of the text, [start, end) in characters. */
    record Span(int start, int end, int firstLine, int lastLine) {
        boolean contains(int offset) {
            return offset > start && offset < end;
        }
    }

    record Heading(int line, int level, String text) {
    }

    private static final Pattern FENCE_OPEN = Pattern.compile("^(\\s*)(`{3,}|~{3,})(.*)$");
    private static final Pattern ATX = Pattern.compile("^ {0,3}(#{1,6})(?:[ \\t]+(.*?))?[ \\t]*$");
    private static final Pattern CLOSING_HASHES = Pattern.compile("(?:^|[ \\t]+)#+[ \\t]*$");
    private static final Pattern TABLE_RULE = Pattern.compile("^\\s*\\|?\\s*:?-+:?\\s*(\\|\\s*:?-+:?\\s*)+\\|?\\s*$");

    final String text;
    final int[] lineStarts;
    final List<String> lines;
    final List<Span> fences = new ArrayList<>();
    final List<Span> tables = new ArrayList<>();
    final List<Heading> headings = new ArrayList<>();
    /** Per 0-based line: inside (or on the fence lines of) a fenced code block. */
    final boolean[] inFence;

    MarkdownOutline(String text) {
        this.text = text;
        this.lines = Arrays.asList(text.split("\n", -1));
        this.lineStarts = new int[lines.size()];
        for (int i = 1; i < lines.size(); i++) {
            lineStarts[i] = lineStarts[i - 1] + lines.get(i - 1).length() + 1;
        }
        this.inFence = new boolean[lines.size()];
        findFences();
        findTablesAndHeadings();
    }

    int lineCount() {
        return lines.size();
    }

    /** 1-based line of a character offset. */
    int lineOf(int offset) {
        int i = Arrays.binarySearch(lineStarts, offset);
        return i >= 0 ? i + 1 : -i - 1;
    }

    int lineStart(int line) {
        return lineStarts[line - 1];
    }

    int lineEnd(int line) {
        return lineStarts[line - 1] + lines.get(line - 1).length();
    }

    boolean isHeadingLine(int line) {
        return headingAt(line) != null;
    }

    Heading headingAt(int line) {
        for (Heading h : headings) {
            if (h.line() == line) {
                return h;
            }
        }
        return null;
    }

    /** The open headings after reading every line before {@code line} (1-based). */
    List<String> trailBefore(int line) {
        List<Heading> open = new ArrayList<>();
        for (Heading h : headings) {
            if (h.line() >= line) {
                break;
            }
            enter(open, h);
        }
        return open.stream().map(Heading::text).toList();
    }

    static void enter(List<Heading> open, Heading h) {
        while (!open.isEmpty() && open.get(open.size() - 1).level() >= h.level()) {
            open.remove(open.size() - 1);
        }
        open.add(h);
    }

    List<Heading> openBefore(int line) {
        List<Heading> open = new ArrayList<>();
        for (Heading h : headings) {
            if (h.line() >= line) {
                break;
            }
            enter(open, h);
        }
        return open;
    }

    private void findFences() {
        int i = 0;
        while (i < lines.size()) {
            Matcher open = FENCE_OPEN.matcher(lines.get(i));
            if (!open.matches() || (open.group(2).charAt(0) == '`' && open.group(3).contains("`"))) {
                i++;
                continue;
            }
            String marker = open.group(2);
            Pattern close = Pattern.compile("^\\s*" + Pattern.quote(String.valueOf(marker.charAt(0))) + "{" + marker.length() + ",}\\s*$");
            int j = i + 1;
            while (j < lines.size() && !close.matcher(lines.get(j)).matches()) {
                j++;
            }
            int last = Math.min(j, lines.size() - 1);
            for (int k = i; k <= last; k++) {
                inFence[k] = true;
            }
            int start = lineStarts[i] + open.group(1).length();
            int end = lineStarts[last] + lines.get(last).stripTrailing().length();
            fences.add(new Span(start, end, i + 1, last + 1));
            i = last + 1;
        }
    }

    private void findTablesAndHeadings() {
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (inFence[i]) {
                i++;
                continue;
            }
            Matcher h = ATX.matcher(line);
            if (h.matches()) {
                String t = h.group(2) == null ? "" : CLOSING_HASHES.matcher(h.group(2)).replaceFirst("").strip();
                headings.add(new Heading(i + 1, h.group(1).length(), t));
                i++;
                continue;
            }
            if (line.strip().startsWith("|") && i + 1 < lines.size() && TABLE_RULE.matcher(lines.get(i + 1)).matches()) {
                int j = i + 1;
                while (j + 1 < lines.size() && !inFence[j + 1] && lines.get(j + 1).strip().startsWith("|")) {
                    j++;
                }
                int start = lineStarts[i] + (line.length() - line.stripLeading().length());
                int end = lineStarts[j] + lines.get(j).stripTrailing().length();
                tables.add(new Span(start, end, i + 1, j + 1));
                i = j + 1;
                continue;
            }
            i++;
        }
    }
}
