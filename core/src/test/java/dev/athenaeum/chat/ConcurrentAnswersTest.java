package dev.athenaeum.chat;

import dev.athenaeum.progress.Cancellation;
import dev.athenaeum.search.SearchMode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** Streamed answers must not depend on the common fork-join pool, which the JDK's HTTP client would use to read them. */
class ConcurrentAnswersTest {

    @Test
    void answersStreamSideBySideEvenWhenTheCommonPoolIsBusy() throws Exception {
        String text = "one two three four five six seven eight nine ten [1].";
        try (FakeChatServer server = new FakeChatServer().answer(text).pieceDelay(Duration.ofMillis(80));
             ExecutorService askers = Executors.newFixedThreadPool(2)) {
            RagChat chat = new RagChat(ChatTestIndex.searcher(), ChatSettings.builder().provider(ChatProvider.OLLAMA)
                    .baseUrl(server.ollamaUrl()).mode(SearchMode.KEYWORD).timeout(Duration.ofSeconds(3)).build());
            // Every worker of the common pool is busy for longer than the answers may take.
            AtomicBoolean busy = new AtomicBoolean(true);
            for (int i = 0; i < ForkJoinPool.getCommonPoolParallelism(); i++) {
                CompletableFuture.runAsync(() -> sleepWhile(busy, Duration.ofSeconds(6)));
            }

            List<Future<ChatAnswer>> answers = new ArrayList<>();
            for (String q : List.of("hybrid search", "keyword search")) {
                answers.add(askers.submit(() -> chat.answer(List.of(ChatTurn.user(q)), AnswerListener.NONE, Cancellation.none())));
            }

            for (Future<ChatAnswer> a : answers) {
                assertThat(a.get().text()).isEqualTo(text);
            }
            // Each streams for about a second: side by side, both were streaming at some moment.
            assertThat(server.mostStreamsAtOnce()).as("answers streaming at the same moment").isEqualTo(2);
            busy.set(false);
        }
    }

    private static void sleepWhile(AtomicBoolean busy, Duration atMost) {
        long end = System.nanoTime() + atMost.toNanos();
        try {
            while (busy.get() && System.nanoTime() < end) {
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
