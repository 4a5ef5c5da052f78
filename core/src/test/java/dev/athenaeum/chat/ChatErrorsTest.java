package dev.athenaeum.chat;

import dev.athenaeum.progress.Cancellation;
import dev.athenaeum.search.SearchMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every provider failure ends as one ChatException of the right kind whose message says what to do. */
class ChatErrorsTest {

    private static final String KEY = "sk-proj-secret-7c1e9a3b5d";
    private static final List<ChatTurn> QUESTION = List.of(ChatTurn.user("How do I keep an index up to date?"));

    @RegisterExtension
    final ChatFixture fixture = new ChatFixture();

    private ChatSettings.Builder ollama() {
        // Keyword retrieval keeps these tests about the provider, not the embedding model.
        return ChatSettings.builder().provider(ChatProvider.OLLAMA).baseUrl(fixture.server().ollamaUrl()).mode(SearchMode.KEYWORD);
    }

    private ChatSettings.Builder openAi() {
        return ChatSettings.builder().provider(ChatProvider.OPENAI).apiKey(KEY).baseUrl(fixture.server().openAiUrl())
                .mode(SearchMode.KEYWORD);
    }

    /** A chat whose rate-limit pauses are short, so retries can be tested in milliseconds. */
    private RagChat quickRetries(ChatSettings settings) {
        ChatBackend backend = ChatModels.backend(settings);
        return new RagChat(fixture.searcher(), settings, backend, new RateLimitRetry(RateLimitRetry.ATTEMPTS, Duration.ofMillis(10),
                backend.retryAfter()));
    }

    private static ChatException failure(KnowledgeChat chat, List<ChatTurn> conversation) {
        ChatException e = catchThrowableOfType(ChatException.class,
                () -> chat.answer(conversation, AnswerListener.NONE, Cancellation.none()));
        assertThat(e).as("a ChatException").isNotNull();
        assertThat(e.getMessage()).doesNotContain("\n").doesNotContain(KEY);
        assertThat(e.toString()).doesNotContain(KEY);
        return e;
    }

    private static ChatException failure(KnowledgeChat chat) {
        return failure(chat, QUESTION);
    }

    @Test
    void ollamaNotRunningSaysWhereAndHowToStartIt() throws IOException {
        String url;
        try (ServerSocket s = new ServerSocket(0)) {
            url = "http://127.0.0.1:" + s.getLocalPort();
        }
        RagChat chat = new RagChat(fixture.searcher(), ollama().baseUrl(url).build());

        ChatException e = failure(chat);

        assertThat(e.kind()).isEqualTo(ChatException.Kind.UNREACHABLE);
        assertThat(e.getMessage()).isEqualTo("Ollama is not running at " + url + ": start it with `ollama serve`");
    }

    @Test
    void aModelOllamaHasNotPulledSaysWhatToPull() {
        fixture.server().failStreams(FakeChatServer.Failure.MODEL_NOT_FOUND, 1);

        ChatException e = failure(new RagChat(fixture.searcher(), ollama().model("qwen2.5:7b").build()));

        assertThat(e.kind()).isEqualTo(ChatException.Kind.MODEL_NOT_FOUND);
        assertThat(e.getMessage()).isEqualTo("Ollama has no model 'qwen2.5:7b': run `ollama pull qwen2.5:7b`");
    }

    @Test
    void aFollowUpFailsAtOnceWhenTheModelIsMissingInsteadOfFallingBack() {
        fixture.server().failPlain(FakeChatServer.Failure.MODEL_NOT_FOUND, 1);
        List<ChatTurn> followUp = List.of(ChatTurn.user("What is hybrid search?"), ChatTurn.assistant("Both [1]."),
                ChatTurn.user("and dense?"));

        ChatException e = failure(new RagChat(fixture.searcher(), ollama().build()), followUp);

        assertThat(e.kind()).isEqualTo(ChatException.Kind.MODEL_NOT_FOUND);
        assertThat(fixture.server().requests("/api/chat")).hasSize(1);
    }

    @Test
    void aRejectedKeyIsUnauthorizedAndTheKeyIsNeverShown() {
        fixture.server().requireKey("sk-the-right-one");
        ChatSettings settings = openAi().build();
        RagChat chat = new RagChat(fixture.searcher(), settings);

        ChatException e = failure(chat);

        assertThat(e.kind()).isEqualTo(ChatException.Kind.UNAUTHORIZED);
        assertThat(e.getMessage()).isEqualTo("OpenAI at " + fixture.server().openAiUrl()
                + " rejected the API key (401): check OPENAI_API_KEY");
        assertThat(settings.toString()).doesNotContain(KEY).contains("key=set");
        assertThat(chat.toString()).doesNotContain(KEY);
        assertThat(fixture.server().requests("/v1/chat/completions")).hasSize(1);
    }

    @Test
    void withoutABaseUrlTheMessageNamesOpenAi() {
        ChatFailures failures = new ChatFailures(ChatSettings.builder().provider(ChatProvider.OPENAI).apiKey(KEY).build());

        ChatException e = failures.explain(new dev.langchain4j.exception.AuthenticationException(
                "Incorrect API key provided: " + KEY));

        assertThat(e.getMessage()).isEqualTo("OpenAI rejected the API key (401): check OPENAI_API_KEY");
        ChatException other = failures.explain(new RuntimeException("{\"error\":{\"message\":\"bad key " + KEY + "\"}}"));
        assertThat(other.getMessage()).isEqualTo("OpenAI failed: bad key ***");
    }

    @Test
    void aRateLimitIsRetriedUntilItPasses() {
        fixture.server().failStreams(FakeChatServer.Failure.RATE_LIMITED, 2).answer("Run the index command again [1].");

        ChatAnswer answer = quickRetries(openAi().build()).answer(QUESTION, AnswerListener.NONE, Cancellation.none());

        assertThat(answer.text()).isEqualTo("Run the index command again [1].");
        assertThat(fixture.server().requests("/v1/chat/completions")).hasSize(3);
    }

    @Test
    void aRateLimitThatLastsGivesUpAfterAFewAttempts() {
        fixture.server().failStreams(FakeChatServer.Failure.RATE_LIMITED, 10);

        ChatException e = failure(quickRetries(openAi().build()));

        assertThat(e.kind()).isEqualTo(ChatException.Kind.RATE_LIMITED);
        assertThat(e.getMessage()).isEqualTo("OpenAI at " + fixture.server().openAiUrl() + " is rate-limiting requests (429), "
                + RateLimitRetry.ATTEMPTS + " attempts in a row: wait a minute and ask again");
        assertThat(fixture.server().requests("/v1/chat/completions")).hasSize(RateLimitRetry.ATTEMPTS);
    }

    @Test
    void retryAfterIsHonoured() {
        fixture.server().failStreams(FakeChatServer.Failure.RATE_LIMITED, 1).retryAfter(1);
        long start = System.nanoTime();

        ChatAnswer answer = quickRetries(openAi().build()).answer(QUESTION, AnswerListener.NONE, Cancellation.none());

        assertThat(answer.generated()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(900));
        assertThat(fixture.server().requests("/v1/chat/completions")).hasSize(2);
    }

    @Test
    void aLongRetryAfterIsReportedInsteadOfWaitedFor() {
        fixture.server().failStreams(FakeChatServer.Failure.RATE_LIMITED, 1).retryAfter(600);
        long start = System.nanoTime();

        ChatException e = failure(quickRetries(openAi().build()));

        assertThat(e.kind()).isEqualTo(ChatException.Kind.RATE_LIMITED);
        assertThat(e.getMessage()).endsWith("is rate-limiting requests (429) and asks to wait 600 s: ask again then");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(fixture.server().requests("/v1/chat/completions")).hasSize(1);
    }

    @Test
    void aServerThatDoesNotAnswerTimesOut() {
        fixture.server().firstByteDelay(Duration.ofSeconds(4));
        long start = System.nanoTime();

        ChatException e = failure(new RagChat(fixture.searcher(), ollama().timeout(Duration.ofSeconds(1)).build()));

        assertThat(e.kind()).isEqualTo(ChatException.Kind.TIMEOUT);
        assertThat(e.getMessage()).isEqualTo("Ollama at " + fixture.server().ollamaUrl() + " did not answer within 1 s:"
                + " the model may still be loading, or be too large for this machine");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void aStreamThatStallsHalfWayTimesOut() {
        fixture.server().pieceDelay(Duration.ofSeconds(3)).answer("one two three four");
        RecordingListener listener = new RecordingListener();
        long start = System.nanoTime();

        ChatException e = catchThrowableOfType(ChatException.class, () -> new RagChat(fixture.searcher(),
                openAi().timeout(Duration.ofMillis(800)).build()).answer(QUESTION, listener, Cancellation.none()));

        assertThat(e.kind()).isEqualTo(ChatException.Kind.TIMEOUT);
        assertThat(e.getMessage()).isEqualTo("OpenAI at " + fixture.server().openAiUrl() + " did not answer within 0.8 s");
        assertThat(listener.pieces).containsExactly("one ");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void otherFailuresPassOnTheProvidersOwnExplanation() {
        fixture.server().failStreams(FakeChatServer.Failure.SERVER_ERROR, 1);

        ChatException e = failure(new RagChat(fixture.searcher(), ollama().build()));

        assertThat(e.kind()).isEqualTo(ChatException.Kind.FAILED);
        assertThat(e.getMessage()).isEqualTo("Ollama at " + fixture.server().ollamaUrl()
                + " failed: llama runner process has terminated: signal: killed");
    }
}
