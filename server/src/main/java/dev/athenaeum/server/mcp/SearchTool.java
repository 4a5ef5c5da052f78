package dev.athenaeum.server.mcp;

import dev.athenaeum.search.SearchHit;
import dev.athenaeum.search.SearchMode;
import dev.athenaeum.search.SearchRequest;
import dev.athenaeum.search.SearchResults;
import dev.athenaeum.search.Searcher;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;

import java.util.List;
import java.util.Map;

/** The {@code search} tool: the passages that match a query, as text for the model and as structured results. */
final class SearchTool {

    static final String NAME = "search";
    private static final int DEFAULT_TOP_K = 5;
    private static final int MAX_TOP_K = 50;

    private SearchTool() {
    }

    static SyncToolSpecification spec(Searcher searcher) {
        Tool tool = Tool.builder()
                .name(NAME)
                .title("Search the knowledge base")
                .description("Finds the passages of the knowledge base that best match a query, by meaning and by "
                        + "words. Each result names its file, heading path and line range.")
                .inputSchema(Map.of("type", "object",
                        "properties", Map.of(
                                "query", Map.of("type", "string", "description", "What to look for."),
                                "top_k", Map.of("type", "integer", "minimum", 1, "maximum", MAX_TOP_K,
                                        "description", "How many passages (default " + DEFAULT_TOP_K + ")."),
                                "mode", Map.of("type", "string", "enum", List.of("hybrid", "dense", "keyword"),
                                        "description", "hybrid (default), dense (meaning) or keyword (words)."),
                                "path", Map.of("type", "string",
                                        "description", "Only files matching this glob, e.g. 'guides/**'.")),
                        "required", List.of("query")))
                .annotations(new ToolAnnotations(null, true, false, true, false, null))
                .build();
        return SyncToolSpecification.builder().tool(tool)
                .callHandler((context, call) -> call(searcher, new ToolArguments(call.arguments())))
                .build();
    }

    static CallToolResult call(Searcher searcher, ToolArguments args) {
        SearchRequest request;
        try {
            int k = args.integer("top_k", DEFAULT_TOP_K);
            if (k < 1 || k > MAX_TOP_K) {
                throw new IllegalArgumentException("'top_k' must be between 1 and " + MAX_TOP_K + ", got " + k);
            }
            String mode = args.string("mode");
            request = SearchRequest.builder(args.requiredString("query")).topK(k)
                    .mode(mode == null ? SearchMode.HYBRID : SearchMode.parse(mode))
                    .pathGlob(args.string("path")).build();
        } catch (IllegalArgumentException e) {
            return CallToolResult.builder().isError(true).addTextContent(e.getMessage()).build();
        }
        List<SearchHit> hits = searcher.search(request);
        return CallToolResult.builder()
                .addTextContent(Passages.format(hits))
                .structuredContent(SearchResults.of(request.query(), hits))
                .build();
    }
}
