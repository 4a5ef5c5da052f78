package dev.athenaeum.chat;

import dev.athenaeum.progress.Cancellation;
import dev.athenaeum.search.SearchMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Answers from a real index through the real Ollama and OpenAI clients, against a server speaking their protocols. */
class RagChatTest {

    private static final String QUESTION = "How do I start Ollama when it is not running?";
    private static final String KEY = "sk-proj-test-4f2a9c7e1b3d5f6a8c0e";

    @RegisterExtension
    final ChatFixture fixture = new ChatFixture();

    private RagChat ollama() {
        return new RagChat(fixture.searcher(), ChatSettings.builder().provider(ChatProvider.OLLAMA).baseUrl(fixture.server().ollamaUrl()).build());
    }

    @Test
    void sourcesComeOnceBeforeTheTextWhichStreamsPieceByPiece() {
        String text = "Run `ollama serve` in another terminal [1], or open the Ollama app [2].";
        fixture.server().answer(text);
        RecordingListener listener = new RecordingListener();

        ChatAnswer answer = ollama().answer(List.of(ChatTurn.user(QUESTION)), listener, Cancellation.none());

        assertThat(listener.events.get(0)).isEqualTo("sources");
        assertThat(listener.events.subList(1, listener.events.size())).containsOnly("text");
        assertThat(listener.pieces).isEqualTo(FakeChatServer.pieces(text)).hasSizeGreaterThan(5);
        assertThat(listener.sources).containsExactly(answer.sources());
        assertThat(answer.text()).isEqualTo(text);
        assertThat(answer.generated()).isTrue();
        assertThat(answer.model()).isEqualTo(ChatSettings.DEFAULT_OLLAMA_MODEL);
        assertThat(answer.standaloneQuery()).isEqualTo(QUESTION);
        assertThat(answer.sources()).hasSize(ChatSettings.DEFAULT_TOP_K);
        assertThat(answer.sources()).extracting(ChatSource::number).containsExactly(1, 2, 3, 4, 5, 6);
        // The page that answers it is found.
        assertThat(answer.sources().subList(0, 3)).extracting(s -> s.hit().file())
                .containsAnyOf("troubleshooting.md", "guides/ollama-and-openai.md");
    }

    @Test
    void citedSourcesAreTheNumbersInTheTextWithTheirFileBreadcrumbAndLines() {
        fixture.server().answer("Start the server with `ollama serve` [1, 3]. It must listen on the network [3][5]. See [9].");

        ChatAnswer answer = ollama().answer(List.of(ChatTurn.user(QUESTION)), AnswerListener.NONE, Cancellation.none());

        assertThat(answer.cited()).extracting(ChatSource::number).containsExactly(1, 3, 5);
        assertThat(answer.cited()).containsExactly(answer.sources().get(0), answer.sources().get(2), answer.sources().get(4));
        for (ChatSource s : answer.cited()) {
            assertThat(s.hit().file()).isIn(ChatTestIndex.FILES);
            assertThat(s.hit().headings()).isNotEmpty();
            assertThat(s.hit().startLine()).isPositive();
            assertThat(s.hit().endLine()).isGreaterThanOrEqualTo(s.hit().startLine());
            assertThat(s.location()).isEqualTo(s.hit().file() + " > " + String.join(" > ", s.hit().headings())
                    + " (lines " + s.hit().startLine() + "-" + s.hit().endLine() + ")");
        }
    }

    @Test
    void theModelIsShownNumberedSourcesAndToldToAnswerOnlyFromThemWithCitations() {
        ChatAnswer answer = ollama().answer(List.of(ChatTurn.user(QUESTION)), AnswerListener.NONE, Cancellation.none());

        FakeChatServer.Request request = fixture.server().requests("/api/chat").get(0);
        assertThat(request.streamed()).isTrue();
        assertThat(request.body().path("model").asText()).isEqualTo("llama3.1:8b");
        assertThat(request.body().path("options").path("num_ctx").asInt()).isEqualTo(ChatModels.OLLAMA_CONTEXT_TOKENS);
        assertThat(request.messageRoles()).containsExactly("system", "user");
        assertThat(request.messageTexts().get(0)).contains("only the numbered sources", "[1]", "Do not guess");
        String prompt = request.lastMessage();
        assertThat(prompt).startsWith("Sources:\n").endsWith("\nQuestion: " + QUESTION);
        int previous = -1;
        for (ChatSource s : answer.sources()) {
            String header = "[" + s.number() + "] " + s.location() + "\n";
            assertThat(prompt).contains(header + s.hit().text().strip());
            assertThat(prompt.indexOf(header)).isGreaterThan(previous);
            previous = prompt.indexOf(header);
        }
    }

    @Test
    void systemTurnsAndTheMostRecentTurnsThatFitTheBudgetAreKept() {
        List<ChatTurn> conversation = new ArrayList<>();
        conversation.add(ChatTurn.system("Answer like a pirate."));
        for (int i = 1; i <= 10; i++) {
            conversation.add(ChatTurn.user("earlier question " + i));
            conversation.add(ChatTurn.assistant("earlier answer " + i + " [1]"));
        }
        conversation.add(ChatTurn.user(QUESTION));
        fixture.server().rewriteTo(QUESTION);

        ollama().answer(conversation, AnswerListener.NONE, Cancellation.none());

        FakeChatServer.Request request = fixture.server().requests("/api/chat").stream().filter(FakeChatServer.Request::streamed)
                .findFirst().orElseThrow();
        List<String> texts = request.messageTexts();
        assertThat(texts.get(0)).startsWith(Prompt.INSTRUCTIONS).endsWith("Answer like a pirate.");
        assertThat(texts.subList(1, texts.size() - 1)).containsExactly(
                "earlier question 8", "earlier answer 8 [1]", "earlier question 9", "earlier answer 9 [1]",
                "earlier question 10", "earlier answer 10 [1]");
        assertThat(request.messageRoles().subList(1, 3)).containsExactly("user", "assistant");
        assertThat(texts.get(texts.size() - 1)).startsWith("Sources:").endsWith(QUESTION);
    }

    @Test
    void longEarlierTurnsGiveWayToTheSources() {
        String huge = "x".repeat(Prompt.MAX_HISTORY_CHARS);
        List<ChatTurn> conversation = List.of(ChatTurn.user("first"), ChatTurn.assistant(huge),
                ChatTurn.user("second"), ChatTurn.assistant("short answer"), ChatTurn.user(QUESTION));
        fixture.server().rewriteTo(QUESTION);

        ollama().answer(conversation, AnswerListener.NONE, Cancellation.none());

        FakeChatServer.Request request = fixture.server().requests("/api/chat").stream().filter(FakeChatServer.Request::streamed)
                .findFirst().orElseThrow();
        assertThat(request.messageTexts().subList(1, request.messageTexts().size() - 1))
                .containsExactly("second", "short answer");
    }

    @Test
    void openAiAnswersStreamThroughTheSamePathWithTheKeyAsBearerToken() {
        String text = "Start it with `ollama serve` [2].";
        fixture.server().answer(text).requireKey(KEY);
        ChatSettings settings = ChatSettings.builder().provider(ChatProvider.OPENAI).apiKey(KEY)
                .baseUrl(fixture.server().openAiUrl()).model("gpt-4o-mini").topK(3).mode(SearchMode.KEYWORD).build();
        RecordingListener listener = new RecordingListener();

        ChatAnswer answer = new RagChat(fixture.searcher(), settings).answer(List.of(ChatTurn.user(QUESTION)), listener,
                Cancellation.none());

        assertThat(answer.text()).isEqualTo(text);
        assertThat(listener.pieces).isEqualTo(FakeChatServer.pieces(text));
        assertThat(answer.model()).isEqualTo("gpt-4o-mini");
        assertThat(answer.sources()).hasSize(3);
        assertThat(answer.cited()).containsExactly(answer.sources().get(1));
        FakeChatServer.Request request = fixture.server().requests("/v1/chat/completions").get(0);
        assertThat(request.authorization()).isEqualTo("Bearer " + KEY);
        assertThat(request.streamed()).isTrue();
        assertThat(request.lastMessage()).contains("[3] " + answer.sources().get(2).location());
    }

    @Test
    void aConversationMustEndWithAUserQuestion() {
        RagChat chat = ollama();
        assertThatThrownBy(() -> chat.answer(List.of(), AnswerListener.NONE, Cancellation.none()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> chat.answer(List.of(ChatTurn.user("q"), ChatTurn.assistant("a")), AnswerListener.NONE,
                Cancellation.none())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("end with a question");
        assertThat(fixture.server().requests()).isEmpty();
    }
}
