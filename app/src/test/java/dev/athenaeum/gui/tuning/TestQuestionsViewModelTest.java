package dev.athenaeum.gui.tuning;

import dev.athenaeum.chunking.ChunkSettings;
import dev.athenaeum.eval.RetrievalEvaluator;
import dev.athenaeum.eval.TestQuestion;
import dev.athenaeum.eval.TestQuestions;
import dev.athenaeum.gui.GuiFixtures;
import dev.athenaeum.gui.search.IndexedGuide;
import dev.athenaeum.gui.workspace.KnowledgeBaseSession;
import dev.athenaeum.index.KnowledgeIndex;
import dev.athenaeum.search.SearchMode;
import dev.athenaeum.search.Searcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Test questions on a built copy of part of the user guide, measured with the real model: the last build's index
 * against a trial index with other settings.
 */
class TestQuestionsViewModelTest {

    @TempDir
    Path dir;

    private final GuiFixtures.Direct direct = new GuiFixtures.Direct();
    private final AtomicReference<ChunkSettings> settings = new AtomicReference<>(ChunkSettings.DEFAULT);
    private TestQuestionsViewModel vm;

    @AfterEach
    void close() {
        if (vm != null) {
            vm.close();
        }
    }

    private TestQuestionsViewModel questions(KnowledgeBaseSession session) {
        vm = new TestQuestionsViewModel(session, direct.tasks, new QuestionStore(dir.resolve("kb.questions.jsonl")), settings::get);
        return vm;
    }

    private void addFew() {
        settings.set(ChunkSettings.of(96, 16));
        vm.add("how do I keep my index up to date after editing files?", "guides/keeping-up-to-date.md#The update command");
        vm.add("what does the chunk overlap repeat?", "concepts/chunking.md#Chunk size and overlap");
        vm.add("Does Athenaeum change my files?", "faq.md#Does Athenaeum change my files?");
    }

    @Test
    void theLastBuildAndTheCurrentSettingsAreMeasuredSideBySide() throws IOException {
        KnowledgeBaseSession session = IndexedGuide.build(dir);
        questions(session);
        addFew();

        assertThat(vm.evaluation().trialChunksEmbedded()).as("the trial index of the first question is updated").isZero();
        settings.set(ChunkSettings.of(128, 16));
        vm.evaluate();

        Evaluation e = vm.evaluation();
        assertThat(e.lastSettings()).isEqualTo(ChunkSettings.DEFAULT);
        assertThat(e.currentSettings()).isEqualTo(ChunkSettings.of(128, 16));
        assertThat(e.trialChunksEmbedded()).as("other settings: the trial index embeds its own chunks").isPositive();
        assertThat(e.last().ranks()).hasSize(3);
        assertThat(e.current().ranks()).hasSize(3);
        assertThat(e.last().recallAt(10)).as("the guide answers its own questions").isPositive();

        // The last build's column is what the evaluator says of the real index.
        List<TestQuestion> stored = TestQuestions.read(dir.resolve("kb.questions.jsonl"));
        try (KnowledgeIndex index = KnowledgeIndex.open(session.knowledgeBase().indexDir())) {
            assertThat(new RetrievalEvaluator(new Searcher(index, session.embedder())).evaluate(stored, SearchMode.HYBRID)
                    .ranks()).isEqualTo(e.last().ranks());
        }
        assertThat(vm.rows()).allSatisfy(r -> {
            assertThat(r.lastRank()).isNotNull();
            assertThat(r.currentRank()).isNotNull();
        });
        assertThat(vm.lastTitleProperty().get()).isEqualTo("Last build (512/64)");
        assertThat(vm.currentTitleProperty().get()).isEqualTo("Current (128/16)");
        assertThat(vm.lastScoreProperty().get()).matches("recall@5 \\d+% · MRR \\d\\.\\d\\d");
        assertThat(vm.currentScoreProperty().get()).matches("recall@5 \\d+% · MRR \\d\\.\\d\\d");
        assertThat(direct.failures).isEmpty();
    }

    @Test
    void theSettingsOfTheLastBuildStartFromItsIndexAndEmbedNothing() throws IOException {
        KnowledgeBaseSession session = IndexedGuide.build(dir);
        questions(session);
        vm.add("what does the chunk overlap repeat?", "concepts/chunking.md#Chunk size and overlap");
        vm.add("Does Athenaeum change my files?", "faq.md");

        Evaluation e = vm.evaluation();
        assertThat(e.trialChunksEmbedded()).isZero();
        assertThat(e.current().ranks()).isEqualTo(e.last().ranks());
        assertThat(vm.rows()).extracting(QuestionRow::answer)
                .containsExactly("concepts/chunking.md#Chunk size and overlap", "faq.md");
        assertThat(direct.failures).isEmpty();
    }

    @Test
    void questionsAreStoredForTheCommandLineAndBadOnesAreRefusedInline() throws IOException {
        Path guide = GuiFixtures.guideCopy(dir.resolve("guide"), GuiFixtures.FEW);
        KnowledgeBaseSession session = new KnowledgeBaseSession(dev.athenaeum.gui.workspace.KnowledgeBase.of("guide",
                List.of(guide), dir.resolve("index")), GuiFixtures.MODELS);
        questions(session);
        List<String> statuses = new ArrayList<>();
        vm.statusProperty().addListener((o, a, b) -> statuses.add(b));

        vm.add("where is the answer?", "faq.md#No such heading");
        assertThat(vm.errorProperty().get()).isEqualTo("faq.md has no heading 'No such heading'");
        vm.add("where is the answer?", "missing.md");
        assertThat(vm.errorProperty().get()).isEqualTo("no file missing.md in the knowledge base's folders");
        vm.add("  ", "faq.md");
        assertThat(vm.errorProperty().get()).isEqualTo("write the question first");
        assertThat(vm.rows()).isEmpty();

        vm.add("what does the chunk overlap repeat?", "concepts/chunking.md#Chunk size and overlap");
        assertThat(vm.errorProperty().get()).isEmpty();
        TestQuestion stored = TestQuestions.read(dir.resolve("kb.questions.jsonl")).get(0);
        assertThat(stored.file()).isEqualTo("concepts/chunking.md");
        assertThat(stored.headings()).containsExactly("Chunk size and overlap");
        assertThat(stored.startLine()).isEqualTo(65);
        assertThat(stored.endLine()).isEqualTo(79);

        vm.edit(0, "what does overlap repeat between chunks?", "concepts/chunking.md");
        assertThat(vm.rows()).singleElement().satisfies(r -> {
            assertThat(r.question()).isEqualTo("what does overlap repeat between chunks?");
            assertThat(r.answer()).isEqualTo("concepts/chunking.md");
        });
        assertThat(TestQuestions.read(dir.resolve("kb.questions.jsonl"))).singleElement()
                .satisfies(q -> assertThat(q.headings()).isEmpty());
        assertThat(vm.evaluation().last()).as("no index built yet").isNull();
        assertThat(vm.lastScoreProperty().get()).isEqualTo("no index yet");

        Path good = dir.resolve("good.jsonl");
        TestQuestions.write(List.of(new TestQuestion("x1", "which files can it index?", "faq.md",
                List.of("Which kinds of files can it index?"), 15, 20)), good);
        vm.importFrom(good);
        assertThat(vm.rows()).extracting(QuestionRow::answer)
                .containsExactly("concepts/chunking.md", "faq.md#Which kinds of files can it index?");
        vm.remove(1);

        Path bad = Files.writeString(dir.resolve("bad.jsonl"), "{\"question\": \"no file\"}\n");
        vm.importFrom(bad);
        assertThat(vm.errorProperty().get()).startsWith(bad + " line 1 is not a test question");
        vm.remove(0);
        assertThat(TestQuestions.read(dir.resolve("kb.questions.jsonl"))).isEmpty();
        assertThat(direct.failures).isEmpty();
    }
}
