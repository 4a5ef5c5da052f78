package dev.athenaeum.cli;

import org.junit.jupiter.api.Test;

import static dev.athenaeum.cli.Assertions2.assertOneErrorLine;
import static org.assertj.core.api.Assertions.assertThat;

/** The command that opens the workbench; opening it is the UI tests' business, its refusals are tested here. */
class GuiCommandTest {

    @Test
    void helpNamesTheFolderAndTheRequirements() {
        Cli.Result r = Cli.run("gui", "--help");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("FOLDER", "Java 24+", "display");
        assertThat(Cli.run("--help").out()).contains("gui");
    }

    @Test
    void aMissingFolderIsRefusedBeforeAnyWindowOpens() {
        assertThat(assertOneErrorLine(Cli.run("gui", "/no/such/folder"), 1))
                .isEqualTo("athenaeum: folder not found: /no/such/folder");
    }
}
