package dev.athenaeum.cli;

import dev.athenaeum.corpus.Glob;
import dev.athenaeum.embedding.Embedder;
import dev.athenaeum.embedding.EmbeddingModels;
import dev.athenaeum.embedding.EmbeddingOptions;
import dev.athenaeum.index.KnowledgeIndex;
import dev.athenaeum.search.SearchHit;
import dev.athenaeum.search.SearchMode;
import dev.athenaeum.search.SearchRequest;
import dev.athenaeum.search.Searcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "search", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Search an index by meaning (dense), by words (keyword), or both (hybrid).")
final class SearchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    VerboseOption verbose;

    @Parameters(paramLabel = "QUERY", arity = "0..1", description = "What to look for. Omit it with --queries-file.")
    String query;

    @Option(names = "--index", required = true, paramLabel = "OUT", description = "Folder of the index to search.")
    Path index;

    @Option(names = {"-k", "--top-k"}, paramLabel = "N", defaultValue = "" + SearchRequest.DEFAULT_TOP_K,
            description = "How many results to show (default ${DEFAULT-VALUE}).")
    int topK;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "hybrid", converter = SearchModeConverter.class,
            description = "hybrid (default), dense or keyword. Keyword search does not load the embedding model.")
    SearchMode mode;

    @Option(names = "--path", paramLabel = "GLOB", description = "Only results from files matching GLOB, e.g. 'commands/*'.")
    String pathGlob;

    @Option(names = "--json", description = "Print the results as one JSON object on one line.")
    boolean json;

    @Option(names = "--queries-file", paramLabel = "F",
            description = "Run every line of F as a query (blank lines skipped); prints one JSON object per line.")
    Path queriesFile;

    @Override
    public Integer call() throws IOException {
        // Checked up front so a typo costs nothing: the index and model are opened only for valid requests.
        List<SearchRequest> requests = requests();
        PrintWriter out = spec.commandLine().getOut();
        try (KnowledgeIndex idx = KnowledgeIndex.open(index);
             Embedder embedder = mode == SearchMode.KEYWORD ? null
                     : EmbeddingModels.open(idx.manifest().embedding().model(), EmbeddingOptions.fromEnvironment())) {
            Searcher searcher = new Searcher(idx, embedder);
            for (SearchRequest request : requests) {
                List<SearchHit> hits = searcher.search(request);
                out.print(json || queriesFile != null
                        ? SearchJson.line(request.query(), hits) + System.lineSeparator()
                        : SearchText.format(request.query(), hits));
                out.flush();
            }
        }
        return 0;
    }

    private List<SearchRequest> requests() throws IOException {
        List<String> queries = queries();
        List<SearchRequest> requests = new ArrayList<>(queries.size());
        try {
            if (pathGlob != null) {
                Glob.of(pathGlob);
            }
            for (String q : queries) {
                requests.add(SearchRequest.builder(q).topK(topK).mode(mode).pathGlob(pathGlob).build());
            }
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        return requests;
    }

    private List<String> queries() throws IOException {
        if (queriesFile == null) {
            if (query == null) {
                throw usage("missing QUERY: give a query, or --queries-file F");
            }
            return List.of(query);
        }
        if (query != null) {
            throw usage("give either QUERY or --queries-file, not both");
        }
        if (!Files.isRegularFile(queriesFile)) {
            throw usage("queries file not found: " + queriesFile);
        }
        List<String> queries = Files.readAllLines(queriesFile, StandardCharsets.UTF_8).stream()
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (queries.isEmpty()) {
            throw usage("the queries file " + queriesFile + " has no queries");
        }
        return queries;
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
