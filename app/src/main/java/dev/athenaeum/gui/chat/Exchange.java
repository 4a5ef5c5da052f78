package dev.athenaeum.gui.chat;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One question and its answer with the sources it was written from. {@code stopped} marks an answer cut short.
 */
public record Exchange(String question, String answer, String model, List<SourceRef> sources, boolean stopped) {

    static final Pattern CITATION = Pattern.compile("\\[(\\d{1,2})]");

    public Exchange {
        Objects.requireNonNull(question, "question");
        answer = answer == null ? "" : answer;
        model = model == null ? "" : model;
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    /** The source numbers the answer cites that exist. */
    public Set<Integer> cited() {
        Set<Integer> out = new TreeSet<>();
        Matcher m = CITATION.matcher(answer);
        while (m.find()) {
            int n = Integer.parseInt(m.group(1));
            if (source(n).isPresent()) {
                out.add(n);
            }
        }
        return out;
    }

    public Optional<SourceRef> source(int number) {
        return sources.stream().filter(s -> s.number() == number).findFirst();
    }
}
