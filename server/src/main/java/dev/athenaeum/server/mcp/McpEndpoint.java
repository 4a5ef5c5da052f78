package dev.athenaeum.server.mcp;

import dev.athenaeum.index.Version;
import dev.athenaeum.server.Backend;
import io.javalin.http.Context;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;

import java.time.Duration;

/**
 * {@code POST /mcp}: the Model Context Protocol over streamable HTTP, with tools {@code search} and {@code ask} and
 * the resource {@link IndexStatusResource#URI}. Stateless: no session is kept between requests, so any server
 * instance (any warm Lambda) can answer any request. Served through a Javalin route rather than a separate servlet
 * so authentication, CORS and the access log apply to it as to every other route.
 */
public final class McpEndpoint implements AutoCloseable {

    public static final String PATH = "/mcp";

    private final HttpServletStatelessServerTransport transport;
    private final McpStatelessSyncServer server;

    public McpEndpoint(Backend backend, long maxRequestBytes, Duration answerTimeout) {
        transport = HttpServletStatelessServerTransport.builder()
                .messageEndpoint(PATH)
                .maxRequestSize((int) Math.min(Integer.MAX_VALUE, maxRequestBytes))
                .build();
        server = McpServer.sync(transport)
                .serverInfo("athenaeum", Version.current())
                .instructions("Searches one knowledge base of markdown documents and answers questions from it. "
                        + "Use 'search' to find passages (with file, headings and line numbers) and 'ask' for an "
                        + "answer that cites them.")
                .capabilities(ServerCapabilities.builder().tools(false).resources(false, false).build())
                .requestTimeout(answerTimeout)
                .tools(SearchTool.spec(backend.searcher()), AskTool.spec(backend.chat()))
                .resources(IndexStatusResource.spec(backend.index(), backend.chat().model()))
                .build();
    }

    public void handle(Context ctx) throws Exception {
        transport.service(ctx.req(), ctx.res());
    }

    @Override
    public void close() {
        server.close();
    }
}
