package dev.athenaeum.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.athenaeum.cli.Assertions2.assertOneErrorLine;
import static org.assertj.core.api.Assertions.assertThat;

class SearchCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCOPED_PUBLIC = "set the access level of a scoped package to public";

    @TempDir
    static Path tmp;
    static Path index;

    @BeforeAll
    static void buildOnce() throws IOException {
        index = tmp.resolve("index");
        TestCorpus.index(tmp.resolve("corpus"), index);
    }

    @Test
    void jsonIsOneObjectOnOneLineWithExactlyTheDocumentedFields() throws IOException {
        Cli.Result r = Cli.run("search", SCOPED_PUBLIC, "--index", index.toString(), "--json", "--top-k", "3");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines()).hasSize(1);
        JsonNode root = JSON.readTree(r.out());
        assertThat(fieldNames(root)).containsExactly("query", "results");
        assertThat(root.get("query").asText()).isEqualTo(SCOPED_PUBLIC);
        assertThat(root.get("results")).hasSize(3);
        for (JsonNode hit : root.get("results")) {
            assertThat(fieldNames(hit)).containsExactly("file", "headings", "startLine", "endLine", "score", "text");
            assertThat(hit.get("headings").isArray()).isTrue();
            assertThat(hit.get("startLine").isInt()).isTrue();
            assertThat(hit.get("endLine").asInt()).isGreaterThanOrEqualTo(hit.get("startLine").asInt());
            assertThat(hit.get("score").isNumber()).isTrue();
            assertThat(hit.get("text").asText()).isNotBlank();
        }
        assertThat(root.get("results").get(0).get("file").asText())
                .isIn("commands/npm-access.md", "commands/npm-publish.md");
    }

    @Test
    void humanOutputNumbersResultsWithPlaceBreadcrumbAndPreview() {
        Cli.Result r = Cli.run("search", SCOPED_PUBLIC, "--index", index.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.stream().filter(l -> l.matches("\\d+\\. \\[-?\\d+\\.\\d{4}] \\S+\\.md:\\d+-\\d+")))
                .hasSize(5);
        assertThat(lines.get(0)).startsWith("1. [");
        assertThat(lines.get(1)).startsWith("   ").doesNotStartWith("    ");
        assertThat(lines.get(2)).startsWith("      ");
        assertThat(r.out()).contains(" > ");
    }

    @Test
    void aQueriesFilePrintsOneJsonLinePerQueryInOrder() throws IOException {
        Path queries = tmp.resolve("queries.txt");
        List<String> asked = List.of("clean the npm cache", SCOPED_PUBLIC, "remove a package from dependencies");
        Files.writeString(queries, asked.get(0) + "\n\n  \n" + asked.get(1) + "\n" + asked.get(2) + "\n");

        Cli.Result r = Cli.run("search", "--queries-file", queries.toString(), "--index", index.toString(), "-k", "2");

        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(3);
        List<String> answered = new ArrayList<>();
        for (String line : lines) {
            JsonNode o = JSON.readTree(line);
            answered.add(o.get("query").asText());
            assertThat(o.get("results")).hasSize(2);
        }
        assertThat(answered).isEqualTo(asked);
        assertThat(JSON.readTree(lines.get(0)).get("results").get(0).get("file").asText())
                .isEqualTo("commands/npm-cache.md");
    }

    @Test
    void keywordSearchNeverLoadsTheEmbeddingModel() throws IOException {
        // An index naming a model that does not exist: any attempt to load it fails.
        Path copy = tmp.resolve("no-model-index");
        TestCorpus.copyTree(index, copy);
        Path manifest = TestCorpus.currentGeneration(copy).resolve("manifest.json");
        ObjectNode m = (ObjectNode) JSON.readTree(manifest.toFile());
        ((ObjectNode) m.get("embedding")).put("model", "no-such-model");
        JSON.writeValue(manifest.toFile(), m);

        Cli.Result keyword = Cli.run("search", "npm cache verify", "--index", copy.toString(), "--mode", "keyword", "--json");
        Cli.Result hybrid = Cli.run("search", "npm cache verify", "--index", copy.toString());

        assertThat(keyword.exitCode()).as(keyword.err()).isZero();
        assertThat(JSON.readTree(keyword.out()).get("results").get(0).get("file").asText()).isEqualTo("commands/npm-cache.md");
        assertThat(assertOneErrorLine(hybrid, 1)).startsWith("athenaeum: unknown embedding model 'no-such-model'");
    }

    @Test
    void pathGlobKeepsOnlyMatchingFiles() throws IOException {
        Cli.Result r = Cli.run("search", "package access", "--index", index.toString(), "--mode", "keyword",
                "--path", "using-npm/*", "--json");

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode results = JSON.readTree(r.out()).get("results");
        assertThat(results).isNotEmpty();
        results.forEach(hit -> assertThat(hit.get("file").asText()).startsWith("using-npm/"));
    }

    @Test
    void noResultsIsSaidPlainly() {
        Cli.Result r = Cli.run("search", "zyzzyva", "--index", index.toString(), "--mode", "keyword");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("no results for \"zyzzyva\"" + System.lineSeparator());
    }

    @Test
    void anUnknownModeIsAUsageError() {
        Cli.Result r = Cli.run("search", "cache", "--index", index.toString(), "--mode", "fuzzy");

        assertThat(assertOneErrorLine(r, 2))
                .isEqualTo("athenaeum: invalid value for option '--mode': unknown search mode 'fuzzy': use hybrid, dense or keyword");
    }

    @Test
    void aMissingIndexIsAFailure() {
        Path nowhere = tmp.resolve("nowhere");

        Cli.Result r = Cli.run("search", "cache", "--index", nowhere.toString());

        assertThat(assertOneErrorLine(r, 1)).startsWith("athenaeum: no index at " + nowhere);
    }

    @Test
    void queryArgumentsAreChecked() throws IOException {
        Path queries = Files.writeString(tmp.resolve("one-query.txt"), "cache\n");
        String idx = index.toString();

        assertThat(assertOneErrorLine(Cli.run("search", "--index", idx), 2)).startsWith("athenaeum: missing QUERY");
        assertThat(assertOneErrorLine(Cli.run("search", "cache", "--queries-file", queries.toString(), "--index", idx), 2))
                .isEqualTo("athenaeum: give either QUERY or --queries-file, not both");
        assertThat(assertOneErrorLine(Cli.run("search", "--queries-file", tmp.resolve("none.txt").toString(), "--index", idx), 2))
                .startsWith("athenaeum: queries file not found: ");
        assertThat(assertOneErrorLine(Cli.run("search", "cache", "--index", idx, "--top-k", "0"), 2))
                .isEqualTo("athenaeum: top-k must be between 1 and 200, got 0");
        assertThat(assertOneErrorLine(Cli.run("search", "cache", "--index", idx, "--path", "[oops"), 2))
                .startsWith("athenaeum: invalid glob pattern '[oops'");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
