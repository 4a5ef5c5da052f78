package dev.athenaeum.chat;

import dev.athenaeum.progress.Cancellation;
import dev.athenaeum.search.SearchMode;
import dev.athenaeum.search.Searcher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Without a model the retrieved passages are the answer, and the answer says how to get a written one. */
class RetrievalOnlyTest {

    private static Searcher searcher;

    @BeforeAll
    static void index() {
        searcher = ChatTestIndex.searcher();
    }

    @Test
    void theSourcesAreTheAnswerWhichSaysNoModelIsConfiguredAndHowToConfigureOne() {
        RagChat chat = new RagChat(searcher, ChatSettings.retrievalOnly());
        RecordingListener listener = new RecordingListener();

        ChatAnswer answer = chat.answer(List.of(ChatTurn.user("How do I rebuild an index from scratch?")), listener,
                Cancellation.none());

        assertThat(chat.model()).isEqualTo(ChatSettings.RETRIEVAL_ONLY);
        assertThat(answer.model()).isEqualTo(ChatSettings.RETRIEVAL_ONLY);
        assertThat(answer.generated()).isFalse();
        assertThat(answer.cited()).isEqualTo(answer.sources());
        assertThat(answer.text()).startsWith("No language model is configured")
                .contains("--provider ollama", "Ollama running", "--provider openai", "OPENAI_API_KEY");
        assertThat(answer.sources()).hasSize(ChatSettings.DEFAULT_TOP_K);
        for (ChatSource s : answer.sources()) {
            assertThat(answer.text()).contains("\n[" + s.number() + "] " + s.location() + "\n    ");
        }
        assertThat(answer.sources().get(0).hit().file()).isEqualTo("guides/keeping-up-to-date.md");
        assertThat(listener.events).containsExactly("sources", "text");
        assertThat(listener.text()).isEqualTo(answer.text());
    }

    @Test
    void settingsForNoProviderIgnoreAModelName() {
        RagChat chat = new RagChat(searcher, ChatSettings.builder().provider(ChatProvider.NONE).model("llama3.1:8b").build());

        assertThat(chat.model()).isEqualTo(ChatSettings.RETRIEVAL_ONLY);
    }

    @Test
    void whenNothingMatchesTheAnswerSaysSo() {
        RagChat chat = new RagChat(searcher, ChatSettings.builder().mode(SearchMode.KEYWORD).build());

        ChatAnswer answer = chat.answer(List.of(ChatTurn.user("zyzzyva")), AnswerListener.NONE, Cancellation.none());

        assertThat(answer.sources()).isEmpty();
        assertThat(answer.text()).contains("Nothing in the index matches \"zyzzyva\"");
    }

    @Test
    void aModelIsNotAskedWhenNothingMatches() throws IOException {
        try (FakeChatServer server = new FakeChatServer()) {
            RagChat chat = new RagChat(searcher, ChatSettings.builder().provider(ChatProvider.OLLAMA)
                    .baseUrl(server.ollamaUrl()).mode(SearchMode.KEYWORD).build());

            ChatAnswer answer = chat.answer(List.of(ChatTurn.user("zyzzyva")), AnswerListener.NONE, Cancellation.none());

            assertThat(answer.generated()).isFalse();
            assertThat(answer.model()).isEqualTo(ChatSettings.DEFAULT_OLLAMA_MODEL);
            assertThat(answer.text()).startsWith("Nothing in the index matches \"zyzzyva\"");
            assertThat(server.requests()).isEmpty();
        }
    }
}
