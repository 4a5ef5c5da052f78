package dev.athenaeum.server.lambda;

import java.util.Locale;
import java.util.Set;

/**
 * Which headers cross the Lambda boundary. Hop-by-hop headers (RFC 9110 section 7.6.1) describe one connection and
 * must not be relayed; lengths are recomputed by whoever writes the next hop; the JDK client refuses to set a few
 * headers itself.
 */
final class HeaderRules {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection",
            "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade");
    /** Set by the JDK client from the request it sends, or refused by it ({@code jdk.httpclient.allowRestrictedHeaders}). */
    private static final Set<String> SET_BY_CLIENT = Set.of("content-length", "host", "expect", "http2-settings");

    private HeaderRules() {
    }

    static boolean forwardToServer(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return !HOP_BY_HOP.contains(n) && !SET_BY_CLIENT.contains(n);
    }

    /** Response headers for the proxy response; cookies travel apart, lengths are Lambda's business. */
    static boolean returnToClient(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return !HOP_BY_HOP.contains(n) && !n.equals("content-length") && !n.equals("set-cookie") && !n.startsWith(":");
    }
}
