package dev.athenaeum.cli;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.athenaeum.cli.Assertions2.assertOneErrorLine;
import static org.assertj.core.api.Assertions.assertThat;

class AthenaeumCommandTest {

    @Test
    void helpAnswersAtOnceAndListsTheCommands() {
        long start = System.nanoTime();
        Cli.Result r = Cli.run("--help");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("Usage: athenaeum").contains("index", "search", "info", "--verbose", "--version");
        assertThat(r.err()).isEmpty();
        assertThat(took).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aNamedCommandIsTheOnlyOneBuiltAndEverythingElseSeesTheWholeTree() {
        assertThat(Main.commandLine(picocli.CommandLine.defaultFactory(), new String[] {"--verbose", "serve", "--index", "x"})
                .getSubcommands()).containsOnlyKeys("serve");
        assertThat(Main.commandLine(picocli.CommandLine.defaultFactory(), new String[] {"--help"}).getSubcommands())
                .containsKeys("index", "search", "chat", "serve", "deploy", "destroy", "info", "eval", "demo", "gui",
                        "help");
        assertThat(Main.commandLine(picocli.CommandLine.defaultFactory(), new String[] {"serch", "x"}).getSubcommands())
                .hasSameSizeAs(AthenaeumCommand.COMMANDS);
        assertThat(Main.commandLine(picocli.CommandLine.defaultFactory(), new String[] {"help", "index"})
                .getSubcommands()).hasSameSizeAs(AthenaeumCommand.COMMANDS);
    }

    @Test
    void versionAnswersAtOnce() {
        Cli.Result r = Cli.run("--version");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("athenaeum ").contains("Java ");
    }

    @Test
    void commandHelpDescribesEveryOption() {
        assertThat(Cli.run("index", "--help").out())
                .contains("--index=OUT", "--chunk-size=N", "--chunk-overlap=N", "--exclude=GLOB", "--include=GLOB",
                        "--max-file-size=SIZE", "--embed-model=NAME", "--rebuild", "--verbose")
                .contains("Tokens a chunk repeats", "Skip files larger than SIZE");
        assertThat(Cli.run("search", "--help").out())
                .contains("QUERY", "--top-k=N", "--mode=MODE", "--path=GLOB", "--json", "--queries-file=F")
                .contains("does not load the embedding model");
        assertThat(Cli.run("help", "info").out()).contains("--verify", "Recompute the checksum");
    }

    @Test
    void usageMistakesAreOneLineWithExitCodeTwo() {
        assertThat(assertOneErrorLine(Cli.run("search", "x", "--index", "i", "--frobnicate"), 2))
                .isEqualTo("athenaeum: unknown option: '--frobnicate' (see 'athenaeum search --help')");
        assertThat(assertOneErrorLine(Cli.run("reindex"), 2)).startsWith("athenaeum: unmatched argument");
        assertThat(assertOneErrorLine(Cli.run(), 2)).startsWith("athenaeum: missing command");
    }

    @Test
    void verboseUsageErrorsAddTheStackTrace() {
        Cli.Result r = Cli.run("search", "--verbose", "x", "--index", "i", "--top-k", "lots");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLines().get(0)).startsWith("athenaeum: invalid value for option '--top-k'");
        assertThat(r.err()).contains("at picocli.");
    }
}
