package dev.athenaeum.server;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Closing the server stops new connections, lets answers in flight finish, and cancels those that take too long. */
class GracefulShutdownTest {

    private static final String QUESTION = "{\"messages\": [{\"role\": \"user\", \"content\": \"slowly, please\"}]}";

    private static CompletableFuture<HttpResponse<String>> ask(TestServer server) {
        return HttpClient.newHttpClient().sendAsync(server.http.request("/v1/chat/completions")
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(QUESTION)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anAnswerInFlightFinishesBeforeTheServerStops() throws Exception {
        ScriptedChat chat = ScriptedChat.slow(8, Duration.ofMillis(100));
        TestServer server = TestServer.start(ServerConfig.builder().shutdownGrace(Duration.ofSeconds(10)), chat);
        CompletableFuture<HttpResponse<String>> answer = ask(server);
        assertThat(chat.started.await(10, TimeUnit.SECONDS)).isTrue();

        long start = System.nanoTime();
        server.close();
        long tookMs = (System.nanoTime() - start) / 1_000_000;

        HttpResponse<String> r = answer.get(5, TimeUnit.SECONDS);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Http.json(r).path("choices").get(0).path("message").path("content").asText())
                .isEqualTo("word ".repeat(8));
        assertThat(tookMs).isLessThan(9_000);
        assertThatThrownBy(() -> new Socket("127.0.0.1", server.port).close()).isInstanceOf(ConnectException.class);
    }

    @Test
    void anAnswerOutlastingTheGracePeriodIsCancelled() throws Exception {
        ScriptedChat chat = ScriptedChat.slow(100, Duration.ofMillis(100));
        TestServer server = TestServer.start(ServerConfig.builder().shutdownGrace(Duration.ofMillis(300)), chat);
        CompletableFuture<HttpResponse<String>> answer = ask(server);
        assertThat(chat.started.await(10, TimeUnit.SECONDS)).isTrue();

        long start = System.nanoTime();
        server.close();
        long tookMs = (System.nanoTime() - start) / 1_000_000;

        // 100 pieces would take 10 s; shutdown takes about the grace period, then the answer is cancelled.
        assertThat(tookMs).isLessThan(5_000);
        assertThat(chat.cancelled.await(5, TimeUnit.SECONDS)).isTrue();
        HttpResponse<String> r = answer.get(5, TimeUnit.SECONDS);
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(Http.json(r).path("error").path("code").asText()).isEqualTo("shutting_down");
    }
}
