package dev.athenaeum.gui.search;

import dev.athenaeum.gui.GuiFixtures;
import dev.athenaeum.gui.workspace.KnowledgeBase;
import dev.athenaeum.gui.workspace.KnowledgeBaseSession;
import dev.athenaeum.search.SearchMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SearchViewModelTest {

    @TempDir
    static Path dir;
    static KnowledgeBaseSession session;

    private final GuiFixtures.Direct direct = new GuiFixtures.Direct();

    @BeforeAll
    static void buildIndex() throws IOException {
        session = IndexedGuide.build(dir);
    }

    @AfterAll
    static void close() throws IOException {
        session.close();
    }

    @Test
    void resultsCarryFileLinesBreadcrumbScoreAndMarkedSnippet() {
        SearchViewModel vm = new SearchViewModel(session, direct.tasks);
        vm.queryProperty().set("keep the index up to date after editing notes");

        vm.search();

        assertThat(vm.results()).isNotEmpty().hasSizeLessThanOrEqualTo(SearchViewModel.DEFAULT_TOP_K);
        ResultItem top = vm.results().get(0);
        assertThat(top.hit().file()).isEqualTo("guides/keeping-up-to-date.md");
        assertThat(top.location()).matches("guides/keeping-up-to-date\\.md:\\d+–\\d+");
        assertThat(top.score()).matches("\\d\\.\\d{3}");
        assertThat(top.snippet()).anySatisfy(p -> {
            assertThat(p.marked()).isTrue();
            assertThat(p.text().toLowerCase()).containsAnyOf("index", "edit", "date", "note");
        });
        assertThat(vm.statusProperty().get()).matches("\\d+ results? in \\d+ ms");
        assertThat(vm.searchingProperty().get()).isFalse();
        assertThat(direct.failures).isEmpty();
    }

    @Test
    void modeAndTopKAreHonoured() {
        SearchViewModel vm = new SearchViewModel(session, direct.tasks);
        vm.queryProperty().set("chunk size");
        vm.modeProperty().set(SearchMode.KEYWORD);
        vm.topKProperty().set(2);

        vm.search();

        assertThat(vm.results()).hasSize(2);
    }

    @Test
    void blankQueriesAndMissingIndexesExplainThemselves(@TempDir Path empty) {
        SearchViewModel vm = new SearchViewModel(session, direct.tasks);
        vm.queryProperty().set("   ");
        vm.search();
        assertThat(vm.statusProperty().get()).startsWith("Type a question");

        SearchViewModel none = new SearchViewModel(new KnowledgeBaseSession(
                KnowledgeBase.of("none", List.of(empty), empty.resolve("index")), GuiFixtures.MODELS), direct.tasks);
        none.queryProperty().set("anything");
        none.search();
        assertThat(none.statusProperty().get()).isEqualTo("There is no index yet: build it first.");
        assertThat(direct.failures).isEmpty();
    }

    @Test
    void openingAResultHandsItOnWithTheQuery() {
        SearchViewModel vm = new SearchViewModel(session, direct.tasks);
        List<String> opened = new ArrayList<>();
        vm.setOpener((item, q) -> opened.add(item.hit().file() + " for " + q));
        vm.queryProperty().set("chunk overlap");
        vm.search();

        vm.open(vm.results().get(0));
        vm.open(null);

        assertThat(opened).singleElement().asString().endsWith(" for chunk overlap");
    }
}
