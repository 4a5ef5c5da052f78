package dev.athenaeum.cli;

import picocli.CommandLine.Option;

/**
 * {@code --verbose}, mixed into every command so it may stand anywhere on the line. The error handlers and
 * {@link Main} read it; commands need not.
 */
final class VerboseOption {

    @Option(names = Main.VERBOSE, description = "Show library log messages and, on errors, the stack trace.")
    boolean verbose;
}
