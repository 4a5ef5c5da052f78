package dev.athenaeum.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.athenaeum.embedding.Embedder;
import dev.athenaeum.embedding.EmbeddingModels;
import dev.athenaeum.embedding.EmbeddingOptions;
import dev.athenaeum.eval.RetrievalEvaluator;
import dev.athenaeum.eval.RetrievalScore;
import dev.athenaeum.eval.TestQuestion;
import dev.athenaeum.eval.TestQuestions;
import dev.athenaeum.index.KnowledgeIndex;
import dev.athenaeum.search.SearchMode;
import dev.athenaeum.search.Searcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** Measures retrieval against questions with known answers, so chunk settings can be tuned by evidence. */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Score search on a question set: recall@1/5/10 and MRR@10 for each search mode.",
                "Questions are JSON lines: {\"question\":\"…\",\"file\":\"a/b.md\",\"startLine\":3,\"endLine\":20}."})
final class EvalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    VerboseOption verbose;

    @Option(names = "--index", required = true, paramLabel = "OUT", description = "The index to evaluate.")
    Path index;

    @Option(names = "--questions", required = true, paramLabel = "FILE", description = "Question set (JSON lines).")
    Path questions;

    @Option(names = "--mode", paramLabel = "MODE", converter = SearchModeConverter.class, split = ",",
            description = "Modes to score (default: all three).")
    List<SearchMode> modes = new ArrayList<>();

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Option(names = "--misses", description = "List the questions whose answer was not in the top 5.")
    boolean misses;

    @Override
    public Integer call() throws IOException {
        List<TestQuestion> set = TestQuestions.read(questions);
        if (set.isEmpty()) {
            throw new IllegalArgumentException(questions + " holds no questions");
        }
        List<SearchMode> which = modes.isEmpty() ? List.of(SearchMode.values()) : modes;
        List<RetrievalScore> scores = new ArrayList<>();
        try (KnowledgeIndex idx = KnowledgeIndex.open(index);
             Embedder embedder = which.equals(List.of(SearchMode.KEYWORD)) ? null
                     : EmbeddingModels.open(idx.manifest().embedding().model(), EmbeddingOptions.fromEnvironment())) {
            RetrievalEvaluator evaluator = new RetrievalEvaluator(new Searcher(idx, embedder));
            for (SearchMode m : which) {
                scores.add(evaluator.evaluate(set, m));
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().writeValueAsString(asJson(set.size(), scores)));
        } else {
            out.printf(Locale.ROOT, "%d questions%n%-8s %9s %9s %9s %8s%n", set.size(), "mode", "recall@1", "recall@5", "recall@10", "MRR@10");
            for (RetrievalScore s : scores) {
                out.printf(Locale.ROOT, "%-8s %9.3f %9.3f %9.3f %8.3f%n", s.mode().id(), s.recallAt(1), s.recallAt(5),
                        s.recallAt(10), s.mrrAt(10));
            }
            if (misses) {
                printMisses(out, set, scores);
            }
        }
        out.flush();
        return 0;
    }

    private static Map<String, Object> asJson(int n, List<RetrievalScore> scores) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("questions", n);
        Map<String, Object> modes = new LinkedHashMap<>();
        for (RetrievalScore s : scores) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("recall@1", s.recallAt(1));
            m.put("recall@5", s.recallAt(5));
            m.put("recall@10", s.recallAt(10));
            m.put("mrr@10", s.mrrAt(10));
            modes.put(s.mode().id(), m);
        }
        root.put("modes", modes);
        return root;
    }

    private static void printMisses(PrintWriter out, List<TestQuestion> set, List<RetrievalScore> scores) {
        for (RetrievalScore s : scores) {
            out.println();
            out.println("Not in the top 5 (" + s.mode().id() + "):");
            for (int i = 0; i < set.size(); i++) {
                int rank = s.ranks().get(i);
                if (rank == 0 || rank > 5) {
                    TestQuestion q = set.get(i);
                    out.println("  " + (rank == 0 ? "-" : "#" + rank) + "  " + q.question() + "  (" + q.file() + ":" + q.startLine() + ")");
                }
            }
        }
    }
}
