package dev.athenaeum.cli;

import dev.athenaeum.app.Home;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** The first thing to run: index Athenaeum's own user guide (updating it when it exists) and search it. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Index the bundled user guide (samples/guide) and run example searches on it.")
final class DemoCommand implements Callable<Integer> {

    static final List<String> QUESTIONS = List.of(
            "how do I keep my index up to date after editing notes?",
            "which files are skipped and why",
            "what chunk size should I use for long stories?");

    @Spec
    CommandSpec spec;

    @Mixin
    VerboseOption verbose;

    @Option(names = "--index", paramLabel = "OUT", description = "Where the guide's index goes (default: .athenaeum/sample-index).")
    Path index;

    @Override
    public Integer call() {
        Home home = Home.fromSystem();
        Path guide = home.sampleGuide();
        if (!Files.isDirectory(guide)) {
            throw new IllegalArgumentException("the bundled guide is missing: " + guide + " does not exist");
        }
        Path out = index != null ? index : home.sampleIndex();
        CommandLine cl = Main.commandLine();
        cl.setOut(spec.commandLine().getOut());
        cl.setErr(spec.commandLine().getErr());
        List<String> extra = verbose.verbose ? List.of(Main.VERBOSE) : List.of();
        int code = cl.execute(args("index", guide.toString(), "--index", out.toString(), extra));
        if (code != 0) {
            return code;
        }
        for (String q : QUESTIONS) {
            spec.commandLine().getOut().println();
            spec.commandLine().getOut().println("Search: " + q);
            code = cl.execute(args("search", q, "--index", out.toString(), "--top-k", "3", extra));
            if (code != 0) {
                return code;
            }
        }
        spec.commandLine().getOut().println();
        spec.commandLine().getOut().println("Try your own: ./athenaeum search \"QUESTION\" --index " + out);
        return 0;
    }

    private static String[] args(String command, String first, String flag, String value, List<String> extra) {
        List<String> a = new ArrayList<>(List.of(command, first, flag, value));
        a.addAll(extra);
        return a.toArray(String[]::new);
    }

    private static String[] args(String command, String query, String f1, String v1, String f2, String v2, List<String> extra) {
        List<String> a = new ArrayList<>(List.of(command, query, f1, v1, f2, v2));
        a.addAll(extra);
        return a.toArray(String[]::new);
    }
}
