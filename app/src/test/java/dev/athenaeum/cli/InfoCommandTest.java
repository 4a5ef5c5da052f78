package dev.athenaeum.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.athenaeum.cli.Assertions2.assertOneErrorLine;
import static org.assertj.core.api.Assertions.assertThat;

class InfoCommandTest {

    @TempDir
    static Path tmp;
    static Path corpus;
    static Path index;

    @BeforeAll
    static void buildOnce() throws IOException {
        corpus = tmp.resolve("corpus");
        index = tmp.resolve("index");
        TestCorpus.index(corpus, index);
    }

    @Test
    void describesHowTheIndexWasBuiltAndWhatItHolds() {
        Cli.Result r = Cli.run("info", "--index", index.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .containsPattern("(?m)^format +version 1$")
                .containsPattern("(?m)^created +\\d{4}-\\d\\d-\\d\\dT")
                .containsPattern("(?m)^generator +Athenaeum ")
                .containsPattern("(?m)^model +all-minilm-l6-v2-q \\(384 dimensions")
                .containsPattern("(?m)^chunking +512 tokens per chunk, 64 overlap$")
                .containsPattern("(?m)^roots +" + java.util.regex.Pattern.quote(corpus.toAbsolutePath().normalize().toString()) + "$")
                .containsPattern("(?m)^files +6$")
                .containsPattern("(?m)^chunks +\\d+$")
                .containsPattern("(?m)^windows +\\d+$")
                .containsPattern("(?m)^skipped +0$")
                .containsPattern("(?m)^size +\\d+\\.\\d KB$")
                .doesNotContain("checksums");
    }

    @Test
    void jsonCarriesTheSameCounts() throws IOException {
        Cli.Result r = Cli.run("info", "--index", index.toString(), "--json");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines()).hasSize(1);
        JsonNode o = new ObjectMapper().readTree(r.out());
        assertThat(o.get("counts").get("files").asInt()).isEqualTo(6);
        assertThat(o.get("counts").get("chunks").asInt()).isPositive();
        assertThat(o.get("embedding").get("model").asText()).isEqualTo("all-minilm-l6-v2-q");
        assertThat(o.get("sizeBytes").asLong()).isPositive();
        assertThat(o.has("verify")).isFalse();
    }

    @Test
    void verifyConfirmsAnIntactIndex() {
        Cli.Result r = Cli.run("info", "--index", index.toString(), "--verify");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("(?m)^checksums +all \\d+ files intact$");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void verifyFindsACorruptedChunkFile() throws IOException {
        Path damaged = tmp.resolve("damaged");
        TestCorpus.copyTree(index, damaged);
        Path chunks = TestCorpus.currentGeneration(damaged).resolve("chunks.bin");
        try (RandomAccessFile f = new RandomAccessFile(chunks.toFile(), "rw")) {
            long middle = f.length() / 2;
            f.seek(middle);
            int b = f.read();
            f.seek(middle);
            f.write(b ^ 0xFF);
        }

        Cli.Result unverified = Cli.run("info", "--index", damaged.toString());
        Cli.Result verified = Cli.run("info", "--index", damaged.toString(), "--verify");

        assertThat(unverified.exitCode()).isZero();
        assertThat(verified.out()).containsPattern("(?m)^checksums +1 of \\d+ files damaged: chunks\\.bin$");
        assertThat(assertOneErrorLine(verified, 1)).startsWith("athenaeum: the index is damaged (chunks.bin)");
        assertThat(Files.exists(chunks)).isTrue();
    }

    @Test
    void aMissingIndexIsAFailure() {
        Path nowhere = tmp.resolve("nowhere");

        assertThat(assertOneErrorLine(Cli.run("info", "--index", nowhere.toString()), 1))
                .startsWith("athenaeum: no index at " + nowhere)
                .contains("build one with 'athenaeum index'");
    }

    @Test
    void aFolderWithoutAnIndexIsAFailure() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));

        assertThat(assertOneErrorLine(Cli.run("info", "--index", empty.toString()), 1))
                .isEqualTo("athenaeum: no index at " + empty + " (build one with 'athenaeum index')");
    }
}
