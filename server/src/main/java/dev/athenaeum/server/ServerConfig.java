package dev.athenaeum.server;

import dev.athenaeum.server.auth.AuthSettings;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Everything that shapes the server: where it listens, who may call it, which browser origins may read its answers,
 * how large a request may be, and how long shutdown waits for answers still being written. Invalid combinations
 * fail here, before anything listens.
 *
 * @param host          the interface to listen on; without authentication the default is the loopback interface,
 *                      so an open server is reachable from this machine only
 * @param port          0 picks a free port ({@link AthenaeumServer#start()} returns it)
 * @param corsOrigins   browser origins allowed to call the API ({@code https://app.example.com}); none by default
 * @param shutdownGrace how long {@link AthenaeumServer#close()} lets requests in flight finish
 */
public record ServerConfig(String host, int port, AuthSettings auth, List<String> corsOrigins, long maxRequestBytes,
                           Duration shutdownGrace) {

    public static final String LOOPBACK = "127.0.0.1";
    public static final String ALL_INTERFACES = "0.0.0.0";
    public static final int DEFAULT_PORT = 8080;
    public static final long DEFAULT_MAX_REQUEST_BYTES = 1024 * 1024;
    public static final long MAX_MAX_REQUEST_BYTES = 64L * 1024 * 1024;
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(10);

    public ServerConfig {
        Objects.requireNonNull(auth, "auth");
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("the host is empty");
        }
        host = host.strip();
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("the port must be between 0 and 65535, got " + port);
        }
        corsOrigins = List.copyOf(corsOrigins);
        corsOrigins.forEach(ServerConfig::checkOrigin);
        if (maxRequestBytes < 1024 || maxRequestBytes > MAX_MAX_REQUEST_BYTES) {
            throw new IllegalArgumentException("the request size limit must be between 1 KB and 64 MB, got "
                    + maxRequestBytes + " bytes");
        }
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        if (shutdownGrace.isNegative() || shutdownGrace.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("the shutdown grace period must be between 0 and 5 minutes");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** An origin is scheme, host and optional port, exactly as browsers send it in {@code Origin}. */
    private static void checkOrigin(String origin) {
        if ("*".equals(origin)) {
            return;
        }
        URI uri;
        try {
            uri = URI.create(origin);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("not an origin: " + origin);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) && uri.getRawQuery() == null
                && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || !bare) {
            throw new IllegalArgumentException("not an origin: '" + origin
                    + "' (use scheme://host[:port], e.g. https://app.example.com, or *)");
        }
    }

    public static final class Builder {
        private String host;
        private int port = DEFAULT_PORT;
        private AuthSettings auth = AuthSettings.none();
        private List<String> corsOrigins = List.of();
        private long maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES;
        private Duration shutdownGrace = DEFAULT_SHUTDOWN_GRACE;

        private Builder() {
        }

        /** Unset: the loopback interface without authentication, every interface with it. */
        public Builder host(String h) {
            host = h;
            return this;
        }

        public Builder port(int p) {
            port = p;
            return this;
        }

        public Builder auth(AuthSettings a) {
            auth = a;
            return this;
        }

        public Builder corsOrigins(List<String> origins) {
            corsOrigins = origins == null ? List.of() : origins;
            return this;
        }

        public Builder maxRequestBytes(long bytes) {
            maxRequestBytes = bytes;
            return this;
        }

        public Builder shutdownGrace(Duration grace) {
            shutdownGrace = grace;
            return this;
        }

        public ServerConfig build() {
            String h = host != null ? host : auth instanceof AuthSettings.None ? LOOPBACK : ALL_INTERFACES;
            return new ServerConfig(h, port, auth, corsOrigins, maxRequestBytes, shutdownGrace);
        }
    }
}
