package dev.athenaeum.server.http;

import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;

import java.time.Duration;

/** The Jetty settings Javalin does not expose: the connector, graceful shutdown, and JSON for Jetty's own errors. */
public final class JettySetup {

    /**
     * Connections may sit silent while a model thinks; a non-streamed answer can take minutes, and the connection
     * must outlive it.
     */
    static final Duration IDLE_TIMEOUT = Duration.ofMinutes(5);

    static final Duration CANCEL_MARGIN = Duration.ofSeconds(2);

    private JettySetup() {
    }

    /**
     * Graceful shutdown: stopping first closes the listening socket, then waits for requests in flight (tracked by
     * the {@link GracefulHandler}) before closing connections.
     */
    public static void configure(Server server, Duration grace) {
        // A little longer than the grace period: answers cancelled at its end need a moment to say so.
        server.setStopTimeout(grace.plus(CANCEL_MARGIN).toMillis());
        server.insertHandler(new GracefulHandler());
        server.setErrorHandler(new JsonErrorHandler());
    }

    public static Connector connector(Server server, HttpConfiguration http, String host, int port) {
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
        return connector;
    }
}
