package dev.athenaeum.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the sources an answer cites. Models write citations in several shapes even when told one: {@code [1]},
 * {@code [1, 3]}, {@code [2][3]}, {@code [2-4]}; all are read. Numbers that name no source are ignored rather than
 * trusted.
 */
final class Citations {

    /** A bracket holding only numbers, separated by commas, semicolons or range dashes. */
    private static final Pattern BRACKET = Pattern.compile("\\[\\s*(\\d{1,3}(?:\\s*[,;\\-–]\\s*\\d{1,3})*)\\s*]");
    private static final Pattern PART = Pattern.compile("(\\d{1,3})(?:\\s*[\\-–]\\s*(\\d{1,3}))?");

    private Citations() {
    }

    /** The numbers cited in {@code text}, ascending, each once. */
    static List<Integer> numbers(String text) {
        TreeSet<Integer> found = new TreeSet<>();
        Matcher m = BRACKET.matcher(text);
        while (m.find()) {
            Matcher p = PART.matcher(m.group(1));
            while (p.find()) {
                int from = Integer.parseInt(p.group(1));
                int to = p.group(2) == null ? from : Integer.parseInt(p.group(2));
                // A reversed or huge range is a typo, not fifty citations.
                if (to < from || to - from > 20) {
                    to = from;
                }
                for (int n = from; n <= to; n++) {
                    found.add(n);
                }
            }
        }
        return new ArrayList<>(found);
    }

    /** The sources {@code text} cites, in source order. */
    static List<ChatSource> cited(String text, List<ChatSource> sources) {
        List<Integer> numbers = numbers(text);
        return sources.stream().filter(s -> numbers.contains(s.number())).toList();
    }
}
