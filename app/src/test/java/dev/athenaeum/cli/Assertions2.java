package dev.athenaeum.cli;

import static org.assertj.core.api.Assertions.assertThat;

/** What every error must look like: one line, addressed from the program, and no Java internals. */
final class Assertions2 {

    private Assertions2() {
    }

    static String assertOneErrorLine(Cli.Result r, int exitCode) {
        assertThat(r.exitCode()).as("exit code; stderr: %s", r.err()).isEqualTo(exitCode);
        assertThat(r.errLines()).as("stderr").hasSize(1);
        String line = r.errLines().get(0);
        assertThat(line).startsWith("athenaeum: ").doesNotContain("Exception").doesNotContain("at dev.");
        return line;
    }
}
