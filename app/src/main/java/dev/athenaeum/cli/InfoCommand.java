package dev.athenaeum.cli;

import dev.athenaeum.index.KnowledgeIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "info", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Describe an index: how and when it was built, what it holds, and its size on disk.")
final class InfoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    VerboseOption verbose;

    @Option(names = "--index", required = true, paramLabel = "OUT", description = "Folder of the index.")
    Path index;

    @Option(names = "--verify", description = "Recompute the checksum of every index file; exits with 1 if any is damaged.")
    boolean verify;

    @Option(names = "--json", description = "Print the information as one JSON object.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        IndexInfo info;
        try (KnowledgeIndex idx = KnowledgeIndex.open(index)) {
            List<String> damaged = verify ? idx.verify() : null;
            info = IndexInfo.of(idx, index, damaged);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? info.json() + System.lineSeparator() : info.text());
        out.flush();
        if (info.damaged() != null && !info.damaged().isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("athenaeum: the index is damaged (" + String.join(", ", info.damaged())
                    + "): rebuild it with 'athenaeum index --rebuild --index " + index + "'");
            err.flush();
            return ErrorHandlers.FAILURE;
        }
        return 0;
    }
}
