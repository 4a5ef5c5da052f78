package dev.athenaeum.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import java.io.PrintWriter;
import java.util.Arrays;

/**
 * Turns every error into one line on stderr: users of a command line need to know what to fix, not where in the
 * code it broke. {@code --verbose} adds the stack trace for bug reports.
 */
final class ErrorHandlers {

    static final int USAGE = 2;
    static final int FAILURE = 1;

    private ErrorHandlers() {
    }

    /** Bad arguments: unknown options, unparsable values, values the engine rejects. */
    static final class UsageError implements IParameterExceptionHandler {
        @Override
        public int handleParseException(ParameterException ex, String[] args) {
            CommandLine cmd = ex.getCommandLine();
            String message = Errors.oneLine(Errors.lowerFirst(ex.getMessage()));
            if (ex instanceof CommandLine.UnmatchedArgumentException || ex instanceof CommandLine.MissingParameterException) {
                message += " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')";
            }
            print(cmd.getErr(), message, ex, Arrays.asList(args).contains(Main.VERBOSE));
            return USAGE;
        }
    }

    /** Failures while running a command: a missing index, a damaged file, an unreachable model. */
    static final class Failure implements IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
            print(cmd.getErr(), Errors.message(ex), ex, verbose(parsed));
            return FAILURE;
        }

        private static boolean verbose(ParseResult parsed) {
            for (ParseResult p = parsed; p != null; p = p.subcommand()) {
                if (p.hasMatchedOption(Main.VERBOSE)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static void print(PrintWriter err, String message, Exception ex, boolean verbose) {
        err.println("athenaeum: " + message);
        if (verbose) {
            ex.printStackTrace(err);
        }
        err.flush();
    }
}
