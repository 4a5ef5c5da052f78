package dev.athenaeum.server;

import dev.athenaeum.chat.ChatSettings;
import dev.athenaeum.server.auth.AuthGuard;
import dev.athenaeum.server.auth.Authenticator;
import dev.athenaeum.server.chat.ChatCompletionsHandler;
import dev.athenaeum.server.chat.InFlight;
import dev.athenaeum.server.chat.ModelsHandler;
import dev.athenaeum.server.health.HealthHandler;
import dev.athenaeum.server.http.AccessLog;
import dev.athenaeum.server.http.ApiError;
import dev.athenaeum.server.http.Cors;
import dev.athenaeum.server.http.ErrorResponses;
import dev.athenaeum.server.http.JettySetup;
import dev.athenaeum.server.http.Json;
import dev.athenaeum.server.mcp.McpEndpoint;
import dev.athenaeum.server.openapi.OpenApiHandler;
import dev.athenaeum.server.search.SearchHandler;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.json.JavalinJackson;
import io.javalin.util.JavalinBindException;
import io.javalin.util.JavalinException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

/**
 * The HTTP API over one knowledge base: {@code GET /health}, {@code POST /search}, OpenAI-compatible
 * {@code POST /v1/chat/completions} and {@code GET /v1/models}, MCP at {@code POST /mcp}, and {@code GET /openapi.json}. Start it, use the
 * returned port, close it to stop: closing stops accepting connections and lets requests in flight finish within
 * the configured grace period.
 */
public final class AthenaeumServer implements Closeable {

    /** Open without credentials: probes and API explorers need them, and they reveal nothing from the documents. */
    public static final Set<String> OPEN_PATHS = Set.of("/health", "/openapi.json");

    private static final Logger LOG = LoggerFactory.getLogger(AthenaeumServer.class);

    private final ServerConfig config;
    private final CompletableFuture<Backend> backend;
    private final InFlight inFlight = new InFlight();
    private Javalin app;
    /*
     * The MCP SDK (with its reactive and JSON libraries) takes about half a second to set up, longer than the rest of
     * the routes together: it is made in the background once the server listens, so /health and /search answer
     * sooner after a cold start, and an early /mcp request waits for it.
     */
    private CompletableFuture<McpEndpoint> mcp;

    public AthenaeumServer(ServerConfig config, Backend backend) {
        this(config, CompletableFuture.completedFuture(backend));
    }

    /**
     * A server whose index may still be opening: it listens at once, and requests wait until the backend is there.
     * A cold start then opens the index while Jetty starts instead of one after the other.
     */
    public AthenaeumServer(ServerConfig config, CompletableFuture<Backend> backend) {
        this.config = config;
        this.backend = backend;
    }

    /** Starts listening and returns the bound port (the real one when the configured port is 0). */
    public synchronized int start() {
        if (app != null) {
            throw new IllegalStateException("the server is already started");
        }
        // Built before Javalin so configuration errors (an unusable JWKS URL) surface as plain exceptions.
        Authenticator authenticator = Authenticator.of(config.auth());
        app = Javalin.create(cfg -> configure(cfg, authenticator));
        try {
            app.start();
        } catch (JavalinBindException e) {
            app = null;
            throw new UncheckedIOException(new BindException("cannot listen on " + config.host() + ":" + config.port()
                    + ": " + e.getMessage()));
        } catch (RuntimeException e) {
            app = null;
            throw e;
        }
        CompletableFuture<McpEndpoint> endpoint = mcp;
        backend.whenComplete((b, failed) -> Thread.ofPlatform().daemon().name("athenaeum-mcp-setup").start(() -> {
            if (failed != null) {
                endpoint.completeExceptionally(failed);
                return;
            }
            try {
                endpoint.complete(new McpEndpoint(b, config.maxRequestBytes(), ChatSettings.DEFAULT_TIMEOUT));
            } catch (Throwable t) {
                endpoint.completeExceptionally(t);
            }
        }));
        LOG.info("listening on {}:{} (auth {})", config.host(), app.port(), config.auth().mode());
        return app.port();
    }

    public synchronized int port() {
        if (app == null) {
            throw new IllegalStateException("the server is not started");
        }
        return app.port();
    }

    /** The routes being served, as {@code "METHOD /path"}: read back from the router, not from a second list. */
    public synchronized List<String> routes() {
        if (app == null) {
            throw new IllegalStateException("the server is not started");
        }
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(p -> p.endpoint)
                .filter(e -> e.method.isHttpMethod())
                .map(e -> e.method.name() + " " + e.path)
                .sorted().toList();
    }

    private void configure(JavalinConfig cfg, Authenticator authenticator) {
        Clock clock = Clock.systemUTC();
        long maxBytes = config.maxRequestBytes();
        cfg.startup.showJavalinBanner = false;
        cfg.startup.showOldJavalinVersionWarning = false;
        cfg.startup.startupWatcherEnabled = false;
        cfg.http.maxRequestSize = maxBytes;
        cfg.http.prefer405over404 = true;
        cfg.http.defaultContentType = "application/json";
        cfg.jsonMapper(new JavalinJackson(Json.MAPPER, false));
        cfg.jetty.modifyServer(server -> JettySetup.configure(server, config.shutdownGrace()));
        cfg.jetty.addConnector((server, http) -> JettySetup.connector(server, http, config.host(), config.port()));
        cfg.router.javaLangErrorHandler((res, error) -> {
            LOG.error("fatal error answering a request", error);
            ApiError internal = ErrorResponses.internal();
            res.setStatus(internal.status());
            res.setContentType("application/json");
            try {
                res.getOutputStream().write(Json.bytes(internal.body()));
            } catch (IOException | IllegalStateException ignored) {
                // The response may be committed or the connection gone; the status is all that can be said.
            }
        });
        cfg.requestLogger.http(AccessLog::log);

        var routes = cfg.routes;
        ErrorResponses.register(routes, maxBytes);
        Cors.configure(cfg, config.corsOrigins());
        routes.beforeMatched(new AuthGuard(authenticator, OPEN_PATHS));

        CompletableFuture<Handlers> handlers = backend.thenApply(b -> new Handlers(
                new HealthHandler(b.index(), b.chat().model()), new SearchHandler(b.searcher(), maxBytes),
                new ChatCompletionsHandler(b.chat(), maxBytes, inFlight, clock), new ModelsHandler(b.chat(), clock)));
        OpenApiHandler openApi = new OpenApiHandler(config.auth());

        routes.get("/health", ctx -> ready(handlers).health().handle(ctx));
        routes.post("/search", ctx -> ready(handlers).search().handle(ctx));
        // OpenAI clients are configured with a base URL that may or may not end in /v1; both spellings work.
        routes.post("/v1/chat/completions", ctx -> ready(handlers).completions().handle(ctx));
        routes.post("/chat/completions", ctx -> ready(handlers).completions().handle(ctx));
        routes.get("/v1/models", ctx -> ready(handlers).models().handle(ctx));
        routes.get("/models", ctx -> ready(handlers).models().handle(ctx));
        routes.get("/openapi.json", openApi::handle);
        CompletableFuture<McpEndpoint> endpoint = new CompletableFuture<>();
        mcp = endpoint;
        routes.post(McpEndpoint.PATH, ctx -> join(endpoint).handle(ctx));
    }

    /** The routes that need the index, made once it is open. */
    private record Handlers(HealthHandler health, SearchHandler search, ChatCompletionsHandler completions,
                            ModelsHandler models) {
    }

    private static Handlers ready(CompletableFuture<Handlers> handlers) {
        try {
            return handlers.join();
        } catch (java.util.concurrent.CompletionException e) {
            LOG.error("the index could not be opened", e.getCause());
            throw new ApiError(503, ApiError.SERVER, "index_unavailable", "the index could not be opened");
        }
    }

    private static McpEndpoint join(CompletableFuture<McpEndpoint> endpoint) {
        try {
            return endpoint.join();
        } catch (java.util.concurrent.CompletionException e) {
            LOG.error("the MCP endpoint could not be set up", e.getCause());
            throw new ApiError(500, ApiError.SERVER, "mcp_unavailable", "the MCP endpoint could not be set up");
        }
    }

    /** Stops accepting, waits up to the grace period for requests in flight, then cancels answers still running. */
    @Override
    public synchronized void close() {
        if (app == null) {
            return;
        }
        // Answers still running when the grace period ends are cancelled a moment before Jetty gives up on them,
        // so they end with a proper "shutting down" answer instead of a cut connection.
        Thread canceller = Thread.ofPlatform().daemon().name("athenaeum-shutdown").start(() -> {
            try {
                Thread.sleep(config.shutdownGrace());
                inFlight.cancelAll();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            app.stop();
        } catch (JavalinException e) {
            // Jetty has stopped all the same; it reports the requests it had to cut off as a timeout.
            if (!(e.getCause() instanceof TimeoutException)) {
                throw e;
            }
            LOG.warn("requests still running after the {} s grace period were cut off",
                    config.shutdownGrace().toMillis() / 1000.0);
        } finally {
            canceller.interrupt();
            inFlight.cancelAll();
            mcp.thenAccept(McpEndpoint::close);
            app = null;
            LOG.info("stopped");
        }
    }
}
