package dev.athenaeum.deploy;

import dev.athenaeum.deploy.stack.StackOutputs;

import java.net.URI;
import java.util.Optional;

/** Where a deployed knowledge base is reached, with requests to paste into a shell and the MCP address. */
public final class ConnectionHelp {

    private ConnectionHelp() {
    }

    public static String of(StackOutputs outputs, boolean jwt) {
        StringBuilder b = new StringBuilder();
        b.append("Stack ").append(outputs.stackName()).append(": ").append(outputs.status()).append('\n');
        b.append("  function     ").append(outputs.functionName()).append('\n');
        outputs.streamFunctionName().ifPresent(f -> b.append("  stream fn    ").append(f).append('\n'));
        b.append("  index bucket ").append(outputs.bucketName()).append('\n');
        outputs.indexPrefix().ifPresent(p -> b.append("  index prefix ").append(p).append('\n'));
        outputs.apiUrl().ifPresent(u -> b.append("  HTTP API     ").append(u).append('\n'));
        outputs.functionUrl().ifPresent(u -> b.append("  Function URL ").append(u).append('\n'));
        Optional<URI> url = outputs.apiUrl().or(outputs::functionUrl);
        if (url.isEmpty()) {
            b.append("The stack reports no URL, so there is nothing to call yet.\n");
            return b.toString();
        }
        String base = url.get().toString().replaceAll("/+$", "");
        String auth = jwt ? " -H 'Authorization: Bearer <token>'" : "";
        b.append('\n').append("Try it:\n");
        b.append("  curl ").append(base).append("/health\n");
        b.append("  curl").append(auth).append(" -H 'Content-Type: application/json' -d '{\"query\":\"how do I start?\"}' ")
                .append(base).append("/search\n");
        b.append('\n').append("MCP clients (streamable HTTP): ").append(base).append("/mcp")
                .append(jwt ? " with the header Authorization: Bearer <token>" : "").append('\n');
        outputs.functionUrl().filter(u -> outputs.apiUrl().isPresent())
                .ifPresent(u -> b.append("  streamed answers and requests over 30 s: use the Function URL ").append(u).append('\n'));
        return b.toString();
    }
}
