package dev.athenaeum.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The first command a new user runs: the bundled guide is indexed and searched. */
class DemoCommandTest {

    @TempDir
    Path tmp;

    @Test
    void indexesTheBundledGuideAndAnswersTheExampleQuestionsFromIt() {
        String home = System.getProperty("athenaeum.home");
        System.setProperty("athenaeum.home", Path.of("..").toAbsolutePath().normalize().toString());
        try {
            Path index = tmp.resolve("sample-index");
            Cli.Result r = Cli.run("demo", "--index", index.toString());

            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.out()).contains("indexed ").contains("Search: " + DemoCommand.QUESTIONS.get(0))
                    .contains("Try your own: ./athenaeum search");
            for (String q : DemoCommand.QUESTIONS) {
                String after = r.out().substring(r.out().indexOf("Search: " + q));
                assertThat(after).as("results for %s", q).contains("1. ").contains(".md:");
            }
            // A second run updates nothing.
            Cli.Result again = Cli.run("demo", "--index", index.toString());
            assertThat(again.exitCode()).as(again.err()).isZero();
            assertThat(again.out()).contains("index is up to date");
        } finally {
            if (home == null) {
                System.clearProperty("athenaeum.home");
            } else {
                System.setProperty("athenaeum.home", home);
            }
        }
    }
}
