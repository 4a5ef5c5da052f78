package dev.athenaeum.gui.tuning;

import dev.athenaeum.corpus.CorpusScanner;
import dev.athenaeum.eval.TestQuestion;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a test question's answer is, as a person writes it: {@code guides/setup.md} (the whole file) or
 * {@code guides/setup.md#Linux} (the section under that heading, down to the next heading of the same or a higher
 * level). Resolved to lines against the files as they are now, since lines move when files are edited.
 */
public record AnswerLocation(String file, String section) {

    private static final Pattern ATX = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");

    public AnswerLocation {
        file = file == null ? "" : file.strip();
        section = section == null || section.isBlank() ? null : section.strip();
        if (file.isEmpty()) {
            throw new IllegalArgumentException("say which file answers the question, e.g. guides/setup.md or guides/setup.md#Linux");
        }
    }

    public static AnswerLocation parse(String text) {
        String t = text == null ? "" : text.strip();
        int hash = t.indexOf('#');
        return hash < 0 ? new AnswerLocation(t, null) : new AnswerLocation(t.substring(0, hash), t.substring(hash + 1));
    }

    public static AnswerLocation of(TestQuestion q) {
        return new AnswerLocation(q.file(), q.headings().isEmpty() ? null : q.headings().get(q.headings().size() - 1));
    }

    @Override
    public String toString() {
        return section == null ? file : file + "#" + section;
    }

    /** The question with this location's current line range; a one-line reason when the file or section is gone. */
    public TestQuestion resolve(String id, String question, List<Path> roots) throws IOException {
        Path path = CorpusScanner.locate(roots, file).orElseThrow(() ->
                new IllegalArgumentException("no file " + file + " in the knowledge base's folders"));
        List<String> lines = Files.readAllLines(path);
        int[] range = section == null ? new int[] {1, Math.max(1, lines.size())} : sectionLines(lines, section);
        if (range == null) {
            throw new IllegalArgumentException(file + " has no heading '" + section + "'");
        }
        return new TestQuestion(id, question, file, section == null ? List.of() : List.of(section), range[0], range[1]);
    }

    static int[] sectionLines(List<String> lines, String heading) {
        int start = -1;
        int level = 0;
        boolean fenced = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (FENCE.matcher(line).find()) {
                fenced = !fenced;
                continue;
            }
            Matcher m = fenced ? null : ATX.matcher(line);
            if (m == null || !m.matches()) {
                continue;
            }
            int l = m.group(1).length();
            if (start > 0 && l <= level) {
                return new int[] {start, i};
            }
            if (start < 0 && m.group(2).strip().toLowerCase(Locale.ROOT).equals(heading.toLowerCase(Locale.ROOT))) {
                start = i + 1;
                level = l;
            }
        }
        return start < 0 ? null : new int[] {start, Math.max(start, lines.size())};
    }
}
