package dev.athenaeum.bench;

import dev.athenaeum.eval.TestQuestion;
import dev.athenaeum.eval.TestQuestions;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Search queries: the hand-written questions of the retrieval sets, topped up to the wanted count with perturbed
 * variants of them (a word dropped; lower-cased without punctuation with two neighbouring words swapped; cut to its
 * first 60% of words, like a user typing keywords).
 */
final class QuerySet {

    static final String DESCRIPTION = "the hand-written questions of the retrieval sets plus perturbed variants "
            + "(one word dropped / lower-cased, punctuation removed, two neighbouring words swapped / cut to the first "
            + "60% of words)";

    private QuerySet() {
    }

    /** {@code --queries} (default 300) queries from the question files {@code --questions}. */
    static List<String> fromArgs(Args args, long seed) throws IOException {
        List<Path> files = args.getList("questions", "bench/eval/npm-questions.jsonl,bench/eval/nodejs-questions.jsonl")
                .stream().map(Paths2::resolve).toList();
        return build(questions(files), args.getInt("queries", 300), seed);
    }

    static List<String> questions(List<Path> files) throws IOException {
        List<String> out = new ArrayList<>();
        for (Path f : files) {
            for (TestQuestion q : TestQuestions.read(f)) {
                out.add(q.question());
            }
        }
        return out;
    }

    static List<String> build(List<String> originals, int count, long seed) {
        Set<String> out = new LinkedHashSet<>();
        for (String q : originals) {
            if (out.size() == count) {
                break;
            }
            out.add(q);
        }
        if (originals.isEmpty()) {
            return new ArrayList<>(out);
        }
        Random rnd = new Random(seed);
        List<String> order = new ArrayList<>(originals);
        Collections.shuffle(order, rnd);
        int i = 0;
        int attempts = 0;
        while (out.size() < count && attempts < count * 20) {
            String base = order.get(i % order.size());
            String v = perturb(base, i % 3, rnd);
            if (!v.isBlank()) {
                out.add(v);
            }
            i++;
            attempts++;
        }
        return new ArrayList<>(out);
    }

    static String perturb(String q, int kind, Random rnd) {
        List<String> w = new ArrayList<>(Arrays.asList(q.strip().split("\\s+")));
        switch (kind) {
            case 0 -> {
                if (w.size() >= 4) {
                    w.remove(rnd.nextInt(w.size()));
                }
            }
            case 1 -> {
                w.replaceAll(s -> s.toLowerCase(Locale.ROOT).replaceAll("[\\p{Punct}&&[^-_./]]", ""));
                w.removeIf(String::isEmpty);
                if (w.size() >= 2) {
                    int a = rnd.nextInt(w.size() - 1);
                    Collections.swap(w, a, a + 1);
                }
            }
            default -> {
                int keep = Math.max(2, (int) Math.ceil(w.size() * 0.6));
                w = new ArrayList<>(w.subList(0, Math.min(w.size(), keep)));
            }
        }
        return String.join(" ", w);
    }
}
