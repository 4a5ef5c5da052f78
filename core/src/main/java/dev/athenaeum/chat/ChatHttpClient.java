package dev.athenaeum.chat;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * The JDK HTTP client under langchain4j's, with two changes:
 * <ul>
 * <li>The {@code Retry-After} header of rate-limited (429) and unavailable (503) responses is noted in a
 * {@link RetryAfterHint}, as langchain4j's exceptions do not carry headers.</li>
 * <li>Asynchronous requests run in a virtual thread of their own. The JDK completes them in the common fork-join
 * pool, where langchain4j then reads the whole streamed answer: on a two-core machine that pool has one thread, so
 * one answer would hold up every other answer (and every other user of the pool) until it ends, and an answer asked
 * for from inside the pool would wait for itself.</li>
 * </ul>
 */
final class ChatHttpClient extends HttpClient {

    private static final Executor STREAM_READERS = Thread::startVirtualThread;

    private final HttpClient delegate;
    private final RetryAfterHint hint;

    ChatHttpClient(HttpClient delegate, RetryAfterHint hint) {
        this.delegate = delegate;
        this.hint = hint;
    }

    /** A builder for langchain4j's {@code JdkHttpClientBuilder.httpClientBuilder(…)}. */
    static HttpClient.Builder builder(RetryAfterHint hint) {
        return new ChatHttpClientBuilder(HttpClient.newBuilder(), hint);
    }

    private <T> HttpResponse<T> note(HttpResponse<T> response) {
        if (response.statusCode() == 429 || response.statusCode() == 503) {
            response.headers().firstValue("Retry-After").ifPresent(hint::record);
        }
        return response;
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        return note(delegate.send(request, handler));
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        // A blocking send returns once the headers are in; a streamed body is then read by whoever takes the response.
        return CompletableFuture.supplyAsync(() -> {
            try {
                return send(request, handler);
            } catch (IOException e) {
                throw new CompletionException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompletionException(e);
            }
        }, STREAM_READERS);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
                                                            HttpResponse.PushPromiseHandler<T> push) {
        // Chat services speak HTTP/1.1 or answer without pushes; there is nothing to hand the push handler.
        return sendAsync(request, handler);
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return delegate.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return delegate.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return delegate.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return delegate.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return delegate.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return delegate.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return delegate.authenticator();
    }

    @Override
    public Version version() {
        return delegate.version();
    }

    @Override
    public Optional<Executor> executor() {
        return delegate.executor();
    }

    @Override
    public void shutdown() {
        delegate.shutdown();
    }

    @Override
    public void shutdownNow() {
        delegate.shutdownNow();
    }

    @Override
    public boolean awaitTermination(Duration duration) throws InterruptedException {
        return delegate.awaitTermination(duration);
    }

    @Override
    public boolean isTerminated() {
        return delegate.isTerminated();
    }
}
