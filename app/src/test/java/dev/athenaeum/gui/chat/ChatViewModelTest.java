package dev.athenaeum.gui.chat;

import dev.athenaeum.chat.ChatProvider;
import dev.athenaeum.chat.FakeChatServer;
import dev.athenaeum.gui.GuiFixtures;
import dev.athenaeum.gui.search.IndexedGuide;
import dev.athenaeum.gui.settings.ChatPreferences;
import dev.athenaeum.gui.settings.SettingsStore;
import dev.athenaeum.gui.task.TaskRunner;
import dev.athenaeum.gui.workspace.KnowledgeBaseSession;
import dev.athenaeum.search.SearchHit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The chat's view model against a built index of the guide and a local server speaking Ollama's wire format. */
class ChatViewModelTest {

    @TempDir
    static Path shared;
    @TempDir
    Path dir;

    private static KnowledgeBaseSession session;
    private final GuiFixtures.Direct direct = new GuiFixtures.Direct();

    @BeforeAll
    static void index() throws Exception {
        session = IndexedGuide.build(shared);
    }

    @AfterAll
    static void closeIndex() throws Exception {
        session.close();
    }

    private ChatViewModel chat(FakeChatServer fake, TaskRunner tasks) throws Exception {
        SettingsStore settings = new SettingsStore(dir.resolve("workbench"));
        settings.saveChat(new ChatPreferences(ChatProvider.OLLAMA, fake.ollamaUrl(), "", "llama3.1:8b"));
        ChatViewModel vm = new ChatViewModel(ChatOpener.of(session), settings,
                new ChatHistory(dir.resolve("guide.chat.json")), tasks);
        vm.load();
        return vm;
    }

    @Test
    void aStreamedAnswerAccumulatesWithItsSourcesAndCitations() throws Exception {
        try (FakeChatServer fake = new FakeChatServer()
                .answer("Run **athenaeum index** again [1]; only changed files are embedded [2].")) {
            ChatViewModel vm = chat(fake, direct.tasks);
            assertThat(vm.models()).contains("llama3.1:8b");
            List<String> seen = new ArrayList<>();
            vm.pendingAnswerProperty().addListener((o, a, b) -> seen.add(b));

            vm.questionProperty().set("how do I keep my index up to date?");
            vm.send();

            assertThat(vm.errorProperty().get()).isEmpty();
            assertThat(vm.exchanges()).hasSize(1);
            Exchange e = vm.exchanges().get(0);
            assertThat(e.answer()).isEqualTo("Run **athenaeum index** again [1]; only changed files are embedded [2].");
            assertThat(e.model()).isEqualTo("llama3.1:8b");
            assertThat(seen).as("the answer grew piece by piece").anyMatch(s -> s.startsWith("Run") && s.length() < 20);
            assertThat(e.sources()).isNotEmpty();
            assertThat(e.cited()).containsExactly(1, 2);
            assertThat(fake.requests("/api/chat").get(0).messageTexts()).anyMatch(t -> t.contains(e.sources().get(0).file()));
            assertThat(vm.questionProperty().get()).isEmpty();
            assertThat(vm.busyProperty().get()).isFalse();
            assertThat(direct.failures).isEmpty();
        }
    }

    @Test
    void aCitationOpensItsSourceAtItsLines() throws Exception {
        try (FakeChatServer fake = new FakeChatServer().answer("See [1].")) {
            ChatViewModel vm = chat(fake, direct.tasks);
            List<SearchHit> opened = new ArrayList<>();
            vm.setSourceOpener((hit, q) -> opened.add(hit));
            vm.questionProperty().set("what is chunking?");
            vm.send();

            Exchange e = vm.exchanges().get(0);
            vm.openSource(e, 1);

            SourceRef first = e.sources().get(0);
            assertThat(opened).singleElement().satisfies(h -> {
                assertThat(h.file()).isEqualTo(first.file());
                assertThat(h.startLine()).isEqualTo(first.startLine());
                assertThat(session.locate(h.file())).isPresent();
            });
        }
    }

    @Test
    void historyIsSavedAndReadBackForTheKnowledgeBase() throws Exception {
        try (FakeChatServer fake = new FakeChatServer().answer("Chunks follow headings [1].")) {
            ChatViewModel vm = chat(fake, direct.tasks);
            vm.questionProperty().set("how are files cut into chunks?");
            vm.send();
            vm.questionProperty().set("and how large are they?");
            vm.send();
            assertThat(fake.requests("/api/chat").getLast().messageTexts())
                    .as("the follow-up carries the conversation").anyMatch(t -> t.contains("Chunks follow headings"));

            ChatViewModel reopened = chat(fake, direct.tasks);

            assertThat(reopened.exchanges()).containsExactlyElementsOf(vm.exchanges());
            assertThat(reopened.exchanges().get(1).question()).isEqualTo("and how large are they?");
            reopened.newChat();
            assertThat(chat(fake, direct.tasks).exchanges()).isEmpty();
        }
    }

    @Test
    void ollamaNotRunningIsShownInPlaceWithTheFixAndTheQuestionKept() throws Exception {
        FakeChatServer fake = new FakeChatServer();
        ChatViewModel vm = chat(fake, direct.tasks);
        fake.close();

        vm.questionProperty().set("how do I search?");
        vm.send();

        assertThat(vm.errorProperty().get()).startsWith("Ollama is not running at " + fake.ollamaUrl())
                .contains("ollama serve");
        assertThat(vm.exchanges()).isEmpty();
        assertThat(vm.questionProperty().get()).isEqualTo("how do I search?");
        assertThat(direct.failures).as("no error dialog for a provider that is down").isEmpty();
    }

    @Test
    void openAiWithoutAKeySaysWhereToAddIt() throws Exception {
        try (FakeChatServer fake = new FakeChatServer()) {
            ChatViewModel vm = chat(fake, direct.tasks);
            vm.chooseProvider(ChatProvider.OPENAI);
            if (System.getenv("OPENAI_API_KEY") == null) {
                assertThat(vm.errorProperty().get()).contains("OpenAI needs an API key").contains("Settings");
            }
            vm.chooseProvider(ChatProvider.NONE);
            vm.questionProperty().set("what is hybrid search?");
            vm.send();
            assertThat(vm.exchanges()).singleElement().satisfies(e -> {
                assertThat(e.model()).isEqualTo("retrieval-only");
                assertThat(e.cited()).isNotEmpty();
            });
            assertThat(fake.requests("/api/chat")).isEmpty();
        }
    }

    @Test
    void stopCancelsTheStreamAndKeepsWhatCame() throws Exception {
        ExecutorService worker = Executors.newSingleThreadExecutor();
        List<Object> failures = new CopyOnWriteArrayList<>();
        TaskRunner tasks = new TaskRunner(worker, Runnable::run, failures::add);
        String words = "word ".repeat(400);
        try (FakeChatServer fake = new FakeChatServer().answer(words).pieceDelay(Duration.ofMillis(10))) {
            ChatViewModel vm = chat(fake, direct.tasks);
            ChatViewModel streaming = new ChatViewModel(ChatOpener.of(session),
                    new SettingsStore(dir.resolve("workbench")), new ChatHistory(dir.resolve("other.chat.json")), tasks);
            streaming.load();
            waitUntil(10, () -> !streaming.models().isEmpty());
            streaming.questionProperty().set("how do I search?");
            streaming.send();
            waitUntil(20, () -> streaming.pendingAnswerProperty().get().length() > 20);

            streaming.stop();

            waitUntil(10, () -> !streaming.busyProperty().get());
            assertThat(streaming.exchanges()).singleElement().satisfies(e -> {
                assertThat(e.stopped()).isTrue();
                assertThat(e.answer()).startsWith("word").hasSizeLessThan(words.length());
            });
            int sent = fake.piecesSent();
            Thread.sleep(300);
            assertThat(fake.piecesSent() - sent).as("the stream is closed, not read to its end").isLessThan(30);
            assertThat(failures).isEmpty();
            assertThat(vm.exchanges()).isEmpty();
        } finally {
            worker.shutdownNow();
        }
    }

    private static void waitUntil(int seconds, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + seconds + " s");
            }
            Thread.sleep(20);
        }
    }
}
