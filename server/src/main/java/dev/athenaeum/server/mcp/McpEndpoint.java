package dev.athenaeum.server.mcp;

import dev.athenaeum.index.Version;
import dev.athenaeum.server.Backend;
import com.fasterxml.jackson.databind.JsonNode;
import dev.athenaeum.server.http.ApiError;
import dev.athenaeum.server.http.Json;
import dev.athenaeum.server.http.JsonBody;
import io.javalin.http.Context;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;

/**
 * {@code POST /mcp}: the Model Context Protocol over streamable HTTP, with tools {@code search} and {@code ask} and
 * the resource {@link IndexStatusResource#URI}. Stateless: no session is kept between requests, so any server
 * instance (any warm Lambda) can answer any request. Served through a Javalin route rather than a separate servlet
 * so authentication, CORS and the access log apply to it as to every other route.
 */
public final class McpEndpoint implements AutoCloseable {

    public static final String PATH = "/mcp";

    private static final Logger LOG = LoggerFactory.getLogger(McpEndpoint.class);

    private final long maxRequestBytes;
    private final HttpServletStatelessServerTransport transport;
    private final McpStatelessSyncServer server;

    public McpEndpoint(Backend backend, long maxRequestBytes, Duration answerTimeout) {
        this.maxRequestBytes = maxRequestBytes;
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
        // The same checks as every JSON route (415, 413, 400 unless one JSON object): the transport fails on some
        // bodies it should refuse, such as a bare null.
        JsonBody.read(ctx, maxRequestBytes);
        CapturedResponse captured = new CapturedResponse(ctx.res());
        transport.service(new ReplayedRequest(ctx.req(), ctx.bodyAsBytes()), captured);
        byte[] body = captured.body();
        int status = ctx.res().getStatus();
        if (status >= 500) {
            LOG.warn("the MCP transport failed: {}", message(body, status));
            throw new ApiError(500, ApiError.SERVER, "mcp_transport_error", "the MCP request failed");
        }
        if (status >= 400) {
            // The transport serialises its exception object, stack trace included: pass on its message only, in
            // the error shape every other route uses.
            throw new ApiError(status, ApiError.INVALID_REQUEST, "mcp_transport_error", message(body, status));
        }
        ctx.res().getOutputStream().write(body);
    }

    private static String message(byte[] body, int status) {
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            String m = node.path("jsonRpcError").path("message").asText(node.path("message").asText(""));
            if (!m.isBlank()) {
                return m;
            }
        } catch (IOException | RuntimeException e) {
            // Not JSON: fall through to the generic message.
        }
        return "the MCP request was refused (HTTP " + status + ")";
    }

    @Override
    public void close() {
        server.close();
    }
}
