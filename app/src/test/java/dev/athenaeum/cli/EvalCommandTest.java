package dev.athenaeum.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.athenaeum.cli.Assertions2.assertOneErrorLine;
import static org.assertj.core.api.Assertions.assertThat;

class EvalCommandTest {

    @TempDir
    static Path tmp;
    static Path index;
    static Path questions;

    @BeforeAll
    static void buildOnce() throws IOException {
        index = tmp.resolve("index");
        TestCorpus.index(tmp.resolve("corpus"), index);
        // Two questions with clear answers in the corpus, one whose "answer" lies in a file that is not indexed.
        questions = tmp.resolve("questions.jsonl");
        Files.write(questions, List.of(
                "{\"id\":\"a\",\"question\":\"make my scoped package visible to everyone\",\"file\":\"commands/npm-access.md\",\"startLine\":30,\"endLine\":49}",
                "",
                "{\"id\":\"b\",\"question\":\"remove everything npm installed on my machine\",\"file\":\"using-npm/removal.md\",\"startLine\":1,\"endLine\":200}",
                "{\"id\":\"c\",\"question\":\"how do workspaces work\",\"file\":\"using-npm/workspaces.md\",\"startLine\":1,\"endLine\":50}"));
    }

    @Test
    void printsRecallAndMrrPerMode() {
        Cli.Result r = Cli.run("eval", "--index", index.toString(), "--questions", questions.toString(), "--misses");

        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("3 questions");
        assertThat(lines.get(1)).contains("recall@1", "recall@5", "recall@10", "MRR@10");
        assertThat(lines).anyMatch(l -> l.startsWith("hybrid")).anyMatch(l -> l.startsWith("dense"))
                .anyMatch(l -> l.startsWith("keyword"));
        // The question about a file that is not indexed can never be answered: at most 2 of 3.
        assertThat(r.out()).contains("how do workspaces work  (using-npm/workspaces.md:1)");
    }

    @Test
    void jsonHasTheScoresOfEachMode() throws IOException {
        Cli.Result r = Cli.run("eval", "--index", index.toString(), "--questions", questions.toString(), "--json",
                "--mode", "keyword,dense");

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.get("questions").asInt()).isEqualTo(3);
        assertThat(root.get("modes").has("hybrid")).isFalse();
        for (String mode : List.of("keyword", "dense")) {
            JsonNode m = root.get("modes").get(mode);
            double recall5 = m.get("recall@5").asDouble();
            assertThat(recall5).as(mode).isBetween(1.0 / 3, 2.0 / 3);
            assertThat(m.get("mrr@10").asDouble()).isLessThanOrEqualTo(m.get("recall@10").asDouble());
        }
    }

    @Test
    void aBrokenQuestionFileIsOneClearLine() throws IOException {
        Path bad = tmp.resolve("bad.jsonl");
        Files.write(bad, List.of("{\"question\":\"no file given\"}"));

        Cli.Result r = Cli.run("eval", "--index", index.toString(), "--questions", bad.toString());

        assertThat(assertOneErrorLine(r, ErrorHandlers.FAILURE)).contains("line 1 is not a test question");
    }
}
