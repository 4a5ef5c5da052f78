package dev.athenaeum.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher's training run for its start-up cache indexes, searches and serves two pages of the guide; a step
 * that failed would leave the cache without that step's classes, so a failure must show. The workbench part runs
 * only in the launcher (one JavaFX toolkit per JVM, and the UI tests own this one).
 */
class WarmUpCommandTest {

    @Test
    void indexesSearchesAndServesThenLeavesNothingBehind() {
        String home = System.getProperty("athenaeum.home");
        System.setProperty("athenaeum.home", Path.of("..").toAbsolutePath().normalize().toString());
        try {
            CommandLine cl = Main.commandLine();
            Cli.Result r = Cli.run(cl, "warm-up", "--no-workbench");

            assertThat(r.exitCode()).as(r.err()).isZero();
            WarmUpCommand warmUp = cl.getSubcommands().get("warm-up").getCommand();
            assertThat(warmUp.scratch).isNotNull();
            assertThat(Files.exists(warmUp.scratch)).as("scratch folder removed").isFalse();
        } finally {
            if (home == null) {
                System.clearProperty("athenaeum.home");
            } else {
                System.setProperty("athenaeum.home", home);
            }
        }
    }

    @Test
    void isHiddenFromTheHelp() {
        Cli.Result r = Cli.run("--help");
        assertThat(r.out()).contains("serve").doesNotContain("warm-up");
    }
}
