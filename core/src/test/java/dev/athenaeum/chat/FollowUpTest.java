package dev.athenaeum.chat;

import dev.athenaeum.progress.Cancellation;
import dev.athenaeum.search.SearchHit;
import dev.athenaeum.search.SearchRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Follow-up questions are rewritten to stand alone before they are searched for. */
class FollowUpTest {

    private static final String FIRST = "How do I start Ollama?";
    private static final String FOLLOW_UP = "and what if it runs on another machine?";
    private static final String STANDALONE = "How do I use Ollama running on another machine in my network?";

    @RegisterExtension
    final ChatFixture fixture = new ChatFixture();

    private static List<ChatTurn> conversation() {
        return List.of(ChatTurn.user(FIRST), ChatTurn.assistant("Run `ollama serve` [1]."), ChatTurn.user(FOLLOW_UP));
    }

    private RagChat ollama() {
        return new RagChat(fixture.searcher(), ChatSettings.builder().provider(ChatProvider.OLLAMA).baseUrl(fixture.server().ollamaUrl()).build());
    }

    /** What retrieval returns for {@code query}, as file and line range, to compare with an answer's sources. */
    private List<String> searched(String query) {
        List<SearchHit> hits = fixture.searcher().search(SearchRequest.builder(query).topK(ChatSettings.DEFAULT_TOP_K).build());
        return hits.stream().map(h -> h.file() + ":" + h.startLine() + "-" + h.endLine()).toList();
    }

    private static List<String> places(ChatAnswer answer) {
        return answer.sources().stream().map(s -> s.hit().file() + ":" + s.hit().startLine() + "-" + s.hit().endLine()).toList();
    }

    @Test
    void theModelRewritesAFollowUpAndTheRewriteIsWhatIsSearchedFor() {
        fixture.server().rewriteTo(STANDALONE).answer("Set OLLAMA_BASE_URL [1].");

        ChatAnswer answer = ollama().answer(conversation(), AnswerListener.NONE, Cancellation.none());

        assertThat(answer.standaloneQuery()).isEqualTo(STANDALONE);
        assertThat(places(answer)).isEqualTo(searched(STANDALONE)).isNotEqualTo(searched(FOLLOW_UP));
        List<FakeChatServer.Request> calls = fixture.server().requests("/api/chat");
        assertThat(calls).hasSize(2);
        FakeChatServer.Request rewrite = calls.get(0);
        assertThat(rewrite.streamed()).isFalse();
        assertThat(rewrite.body().path("options").path("temperature").asDouble(1)).isZero();
        assertThat(rewrite.messageTexts().get(0)).isEqualTo(FollowUpRewriter.INSTRUCTIONS);
        assertThat(rewrite.lastMessage()).contains("User: " + FIRST, "Assistant: Run `ollama serve` [1].",
                "User: " + FOLLOW_UP);
        // The answer is asked with the user's own words and the conversation, and the rewrite's sources.
        FakeChatServer.Request ask = calls.get(1);
        assertThat(ask.streamed()).isTrue();
        assertThat(ask.messageTexts().subList(1, 3)).containsExactly(FIRST, "Run `ollama serve` [1].");
        assertThat(ask.lastMessage()).endsWith("Question: " + FOLLOW_UP)
                .contains("[1] " + answer.sources().get(0).location());
    }

    @Test
    void aFailedRewriteFallsBackToThePreviousQuestionFollowedByTheFollowUp() {
        fixture.server().failPlain(FakeChatServer.Failure.SERVER_ERROR, 1).answer("Set OLLAMA_BASE_URL [1].");

        ChatAnswer answer = ollama().answer(conversation(), AnswerListener.NONE, Cancellation.none());

        assertThat(answer.standaloneQuery()).isEqualTo(FIRST + " " + FOLLOW_UP);
        assertThat(places(answer)).isEqualTo(searched(FIRST + " " + FOLLOW_UP));
        assertThat(answer.text()).isEqualTo("Set OLLAMA_BASE_URL [1].");
        assertThat(answer.generated()).isTrue();
    }

    @Test
    void anUnusableRewriteFallsBackToo() {
        fixture.server().rewriteTo("   ");

        ChatAnswer answer = ollama().answer(conversation(), AnswerListener.NONE, Cancellation.none());

        assertThat(answer.standaloneQuery()).isEqualTo(FIRST + " " + FOLLOW_UP);
    }

    @Test
    void withoutAModelFollowUpsAreRewrittenWithoutOne() {
        ChatAnswer answer = new RagChat(fixture.searcher(), ChatSettings.retrievalOnly())
                .answer(conversation(), AnswerListener.NONE, Cancellation.none());

        assertThat(answer.standaloneQuery()).isEqualTo(FIRST + " " + FOLLOW_UP);
        assertThat(places(answer)).isEqualTo(searched(FIRST + " " + FOLLOW_UP));
    }

    @Test
    void aFirstQuestionIsSearchedForAsItIsWithoutARewrite() {
        List<ChatTurn> conversation = List.of(ChatTurn.system("Be brief."), ChatTurn.user(FIRST));

        ChatAnswer answer = ollama().answer(conversation, AnswerListener.NONE, Cancellation.none());

        assertThat(answer.standaloneQuery()).isEqualTo(FIRST);
        assertThat(fixture.server().requests("/api/chat")).extracting(FakeChatServer.Request::streamed).containsExactly(true);
    }

    @Test
    void repliesAreCleanedOfLabelsQuotesAndExplanations() {
        assertThat(FollowUpRewriter.clean("  \"How do I start Ollama?\"  ")).isEqualTo("How do I start Ollama?");
        assertThat(FollowUpRewriter.clean("Standalone query: start Ollama on Linux")).isEqualTo("start Ollama on Linux");
        assertThat(FollowUpRewriter.clean("start Ollama on Linux\n\nThis rewrite replaces 'it'.")).isEqualTo("start Ollama on Linux");
        assertThat(FollowUpRewriter.clean("'rotate keys'")).isEqualTo("rotate keys");
        assertThat(FollowUpRewriter.clean("")).isNull();
        assertThat(FollowUpRewriter.clean(null)).isNull();
        assertThat(FollowUpRewriter.clean("word ".repeat(100))).isNull();
    }
}
