package dev.athenaeum.cli;

import picocli.CommandLine;

import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Entry point of the {@code athenaeum} command. */
public final class Main {

    static final String VERBOSE = "--verbose";
    /** Kept strongly reachable: the log manager holds loggers weakly and would forget their levels. */
    private static final java.util.List<String> QUIET = java.util.List.of(
            "org.apache.lucene.internal.vectorization", "io.github.jbellis.jvector");
    private static final java.util.List<Logger> QUIETED = new java.util.ArrayList<>();

    private Main() {
    }

    public static void main(String[] args) {
        // Before any library class loads: slf4j-simple reads its level once, when the first logger is made.
        boolean verbose = Arrays.asList(args).contains(VERBOSE);
        configureLogging(verbose);
        int code;
        try {
            code = commandLine(CommandLine.defaultFactory(), args).execute(args);
        } catch (Error e) {
            // picocli hands only Exceptions to the handlers; a missing native library or a full heap lands here.
            System.err.println("athenaeum: " + Errors.message(e));
            if (verbose) {
                e.printStackTrace();
            }
            code = ErrorHandlers.FAILURE;
        }
        System.exit(code);
    }

    /**
     * Lucene, jvector and the ONNX runtime chatter at INFO level; a command line shows only what the user asked
     * for, and warnings.
     */
    static void configureLogging(boolean verbose) {
        if (!verbose && System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
            // langchain4j logs each retry of a failing provider with a stack trace; the final error says it all.
            System.setProperty("org.slf4j.simpleLogger.log.dev.langchain4j", "error");
        }
        Logger.getLogger("").setLevel(verbose ? Level.INFO : Level.WARNING);
        if (!verbose) {
            // Their warnings are about optional speed-ups (the incubating Vector API), not about the user's work.
            QUIET.forEach(name -> {
                Logger logger = Logger.getLogger(name);
                logger.setLevel(Level.SEVERE);
                QUIETED.add(logger);
            });
        }
        // The embedding model ships inside the jar; nothing may be fetched from the network behind the user's back.
        System.setProperty("ai.djl.offline", "true");
    }

    /** The command tree with the error handling every entry point (and every test) shares. */
    static CommandLine commandLine() {
        return commandLine(CommandLine.defaultFactory());
    }

    static CommandLine commandLine(CommandLine.IFactory factory) {
        return commandLine(factory, new String[0]);
    }

    /**
     * The tree for running {@code args}: with only the command they name when they name one (and ask for no help
     * of the whole tree), else with every command, so that help lists them and a mistyped name gets suggestions.
     */
    static CommandLine commandLine(CommandLine.IFactory factory, String[] args) {
        CommandLine cl = new CommandLine(new AthenaeumCommand(), factory);
        String named = named(args);
        if (named != null) {
            cl.addSubcommand(AthenaeumCommand.COMMANDS.get(named));
        } else {
            AthenaeumCommand.COMMANDS.values().forEach(cl::addSubcommand);
        }
        cl.setParameterExceptionHandler(new ErrorHandlers.UsageError());
        cl.setExecutionExceptionHandler(new ErrorHandlers.Failure());
        return cl;
    }

    private static String named(String[] args) {
        for (String a : args) {
            if (a.equals(VERBOSE)) {
                continue;
            }
            boolean command = AthenaeumCommand.COMMANDS.containsKey(a) && !a.equals("help");
            return command ? a : null;
        }
        return null;
    }
}
