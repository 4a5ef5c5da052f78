package dev.athenaeum.gui.document;

import dev.athenaeum.gui.GuiFixtures;
import dev.athenaeum.gui.search.IndexedGuide;
import dev.athenaeum.gui.workspace.KnowledgeBaseSession;
import dev.athenaeum.search.SearchHit;
import dev.athenaeum.search.SearchMode;
import dev.athenaeum.search.SearchRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentViewModelTest {

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
    void aResultOpensItsFileAtItsSection() throws IOException {
        SearchHit hit = session.search(SearchRequest.builder("overlap between chunks").mode(SearchMode.KEYWORD).build()).get(0);
        DocumentViewModel vm = new DocumentViewModel(session, direct.tasks);

        vm.open(hit, "overlap between chunks");

        assertThat(vm.titleProperty().get()).isNotBlank();
        assertThat(vm.locationProperty().get()).endsWith(hit.file());
        assertThat(vm.blocks()).isNotEmpty();
        Block target = vm.blocks().get(vm.targetProperty().get());
        assertThat(target.startLine()).isLessThanOrEqualTo(hit.startLine());
        assertThat(hit.text()).contains(target.text().split(" ")[0]);
        assertThat(vm.blocks()).anySatisfy(b -> assertThat(b.marks()).isNotEmpty());
        assertThat(vm.statusProperty().get()).isEmpty();
        assertThat(direct.failures).isEmpty();
    }

    @Test
    void aFileThatIsGoneIsReported() {
        DocumentViewModel vm = new DocumentViewModel(session, direct.tasks);

        vm.open(new SearchHit(0, "deleted.md", List.of(), 1, 2, 1.0, "text"), "text");

        assertThat(vm.statusProperty().get()).isEqualTo("Could not open deleted.md");
        assertThat(direct.failures).singleElement().satisfies(f ->
                assertThat(f.error()).hasMessageContaining("deleted.md"));
    }
}
