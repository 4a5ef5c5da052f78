package dev.athenaeum.chat;

import dev.athenaeum.progress.Cancellation;
import dev.athenaeum.progress.CancelledException;
import dev.athenaeum.search.SearchMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CancellationTest {

    private static final List<ChatTurn> QUESTION = List.of(ChatTurn.user("What does hybrid search combine?"));
    private static final String LONG_ANSWER = "Hybrid search combines dense and keyword results [1]. ".repeat(10);

    @RegisterExtension
    final ChatFixture fixture = new ChatFixture();

    private RagChat chat(ChatProvider provider) {
        ChatSettings.Builder b = ChatSettings.builder().provider(provider).mode(SearchMode.KEYWORD);
        b = provider == ChatProvider.OLLAMA ? b.baseUrl(fixture.server().ollamaUrl()) : b.baseUrl(fixture.server().openAiUrl()).apiKey("sk-x");
        return new RagChat(fixture.searcher(), b.build());
    }

    @Test
    void cancellingMidStreamStopsTheTextAndTheStream() throws InterruptedException {
        fixture.server().answer(LONG_ANSWER).pieceDelay(Duration.ofMillis(40));
        Cancellation cancel = new Cancellation();
        RecordingListener listener = new RecordingListener(l -> {
            if (l.pieces.size() == 3) {
                cancel.cancel();
            }
        });

        assertThatThrownBy(() -> chat(ChatProvider.OLLAMA).answer(QUESTION, listener, cancel))
                .isInstanceOf(CancelledException.class);

        assertThat(listener.pieces).hasSize(3);
        // The client hangs up, so the server stops writing long before the answer's 70 pieces.
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (fixture.server().brokenStreams() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(fixture.server().brokenStreams()).isEqualTo(1);
        assertThat(fixture.server().piecesSent()).isLessThan(FakeChatServer.pieces(LONG_ANSWER).size());
    }

    @Test
    void cancellingWhileTheModelIsSilentReturnsAtOnce() {
        fixture.server().firstByteDelay(Duration.ofSeconds(5));
        Cancellation cancel = new Cancellation();
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException ignored) {
                // Cancelled below anyway.
            }
            cancel.cancel();
        });
        long start = System.nanoTime();

        assertThatThrownBy(() -> chat(ChatProvider.OPENAI).answer(QUESTION, AnswerListener.NONE, cancel))
                .isInstanceOf(CancelledException.class);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aCancelledQuestionIsNeverSent() {
        Cancellation cancel = new Cancellation();
        cancel.cancel();

        assertThatThrownBy(() -> chat(ChatProvider.OLLAMA).answer(QUESTION, AnswerListener.NONE, cancel))
                .isInstanceOf(CancelledException.class);
        assertThat(fixture.server().requests()).isEmpty();
    }
}
