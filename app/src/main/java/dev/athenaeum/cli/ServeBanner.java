package dev.athenaeum.cli;

import dev.athenaeum.index.KnowledgeIndex;
import dev.athenaeum.server.ServerConfig;

import java.io.PrintWriter;

/** What {@code serve} prints once it listens: where, how to try it, how to stop it. */
final class ServeBanner {

    private ServeBanner() {
    }

    static void print(PrintWriter out, ServerConfig config, int port, KnowledgeIndex index, String chatModel,
                      ServeAuthOptions auth) {
        boolean everywhere = config.host().equals(ServerConfig.ALL_INTERFACES) || config.host().equals("::");
        String base = "http://" + (everywhere ? "localhost" : hostForUrl(config.host())) + ":" + port;
        String credentials = switch (config.auth().mode()) {
            case "api-key" -> " -H \"Authorization: Bearer $(cat " + auth.apiKeyFile + ")\"";
            case "jwt" -> " -H \"Authorization: Bearer $TOKEN\"";
            default -> "";
        };
        var counts = index.manifest().counts();
        out.println("Serving " + counts.files() + " files (" + counts.chunks() + " chunks); chat model: " + chatModel);
        out.println("Listening on " + base + (everywhere ? " (all interfaces)" : "")
                + "; authentication: " + config.auth().mode()
                + (config.corsOrigins().isEmpty() ? "" : "; browsers from " + String.join(", ", config.corsOrigins())));
        out.println("Try:");
        out.println("  curl -s " + base + "/health");
        out.println("  curl -s " + base + "/search" + credentials
                + " -H 'Content-Type: application/json' -d '{\"query\": \"getting started\", \"top_k\": 3}'");
        out.println("API description: " + base + "/openapi.json  (OpenAI clients: base URL " + base + "/v1)");
        out.println("Press Ctrl-C to stop.");
        out.flush();
    }

    private static String hostForUrl(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
