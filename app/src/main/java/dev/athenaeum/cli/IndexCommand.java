package dev.athenaeum.cli;

import dev.athenaeum.embedding.Embedder;
import dev.athenaeum.embedding.EmbeddingModels;
import dev.athenaeum.embedding.EmbeddingOptions;
import dev.athenaeum.index.BuildReport;
import dev.athenaeum.index.IndexBuilder;
import dev.athenaeum.index.IndexDirectory;
import dev.athenaeum.index.IndexFormatException;
import dev.athenaeum.index.IndexManifest;
import dev.athenaeum.index.KnowledgeIndex;
import dev.athenaeum.progress.Cancellation;
import dev.athenaeum.progress.CancelledException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "index", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Build or update an index of the markdown files in one or more folders.",
                "Unchanged files are reused; without DIR, the folders and settings recorded in the index are updated."})
final class IndexCommand implements Callable<Integer> {

    static final int CANCELLED = 130;

    @Spec
    CommandSpec spec;

    @Mixin
    VerboseOption verbose;

    @Parameters(paramLabel = "DIR", arity = "0..*",
            description = "Folders (or files) to index. Omit to update the folders the index recorded.")
    List<Path> roots = new ArrayList<>();

    @Option(names = "--index", required = true, paramLabel = "OUT", description = "Folder of the index to build or update.")
    Path index;

    @Option(names = "--chunk-size", paramLabel = "N",
            description = "Most tokens per chunk (default 512, or what the index recorded).")
    Integer chunkSize;

    @Option(names = "--chunk-overlap", paramLabel = "N",
            description = "Tokens a chunk repeats from the end of the one before (default 64, or what the index recorded).")
    Integer chunkOverlap;

    // Not split at commas: {a,b} is valid glob syntax.
    @Option(names = "--exclude", paramLabel = "GLOB",
            description = "Leave out files and folders matching GLOB, besides the defaults (.git, node_modules, …). Repeatable.")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--include", paramLabel = "GLOB",
            description = "Index only files matching GLOB instead of *.md and *.markdown. Repeatable.")
    List<String> include = new ArrayList<>();

    @Option(names = "--max-file-size", paramLabel = "SIZE", converter = ByteSizeConverter.class,
            description = "Skip files larger than SIZE, e.g. 500KB or 10MB (default 10MB).")
    Long maxFileBytes;

    @Option(names = "--embed-model", paramLabel = "NAME",
            description = "Embedding model: " + EmbeddingModels.DEFAULT + " (default, built in), ollama:MODEL or openai:MODEL.")
    String embedModel;

    @Option(names = "--rebuild", description = "Ignore the existing index and embed everything again.")
    boolean rebuild;

    private final Cancellation cancellation;

    IndexCommand() {
        this(new Cancellation());
    }

    /** Tests hand in their own cancellation to stop a build without sending a signal. */
    IndexCommand(Cancellation cancellation) {
        this.cancellation = cancellation;
    }

    @Override
    public Integer call() throws IOException {
        BuildPlan plan = plan();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Embedder embedder = EmbeddingModels.open(plan.model(), EmbeddingOptions.fromEnvironment())) {
            ProgressBar progress = new ProgressBar(err, Terminal.interactive());
            CancelOnShutdown onCtrlC = CancelOnShutdown.install(cancellation, err);
            try {
                BuildReport report = new IndexBuilder(embedder).build(plan.request(), progress, cancellation);
                progress.finish();
                out.print(Summary.of(report));
                out.flush();
                return 0;
            } catch (CancelledException e) {
                progress.finish();
                onCtrlC.announceCancelled();
                return CANCELLED;
            } finally {
                progress.finish();
                onCtrlC.close();
            }
        }
    }

    /** Everything that can be wrong with the arguments is found here, before the model takes its second to load. */
    private BuildPlan plan() throws IOException {
        IndexManifest recorded = null;
        if (new IndexDirectory(index).exists()) {
            try {
                recorded = KnowledgeIndex.readManifest(index);
            } catch (IndexFormatException e) {
                // A damaged index can still be replaced by a rebuild; anything else needs to know it is damaged.
                if (!rebuild) {
                    throw new IndexFormatException(e.getMessage() + " (rebuild it with --rebuild to start over)", e);
                }
            }
        }
        BuildPlan plan;
        try {
            plan = BuildPlan.of(new BuildPlan.Args(roots, chunkSize, chunkOverlap, include, exclude, maxFileBytes,
                    embedModel, rebuild), index, recorded);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        for (Path root : plan.request().scan().roots()) {
            if (!Files.exists(root)) {
                if (plan.fromManifest()) {
                    throw new IllegalArgumentException("folder not found: " + root + " (recorded in the index; name the"
                            + " folders to index to replace it)");
                }
                throw new ParameterException(spec.commandLine(), "folder not found: " + root);
            }
        }
        return plan;
    }
}
