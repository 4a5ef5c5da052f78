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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

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

    /** The whole npm documentation in one file: the blocks around the result are shown, and the status says so. */
    @Test
    void aLongFileShowsThePartAroundTheResult() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(Path.of("../testdata/npm-docs"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                all.append(Files.readString(f)).append("\n\n");
            }
        }
        Path guide = session.knowledgeBase().sources().get(0);
        Files.writeString(guide.resolve("whole-npm-manual.md"), all);
        List<String> lines = all.toString().lines().toList();
        int line = lines.indexOf("### Workspaces support") + 1;
        DocumentViewModel vm = new DocumentViewModel(session, direct.tasks);

        vm.open(new SearchHit(0, "whole-npm-manual.md", List.of(), line, line + 5, 1.0, "Workspaces support"),
                "workspaces");

        assertThat(vm.blocks()).hasSize(DocumentViewModel.MAX_BLOCKS);
        Block target = vm.blocks().get(vm.targetProperty().get());
        assertThat(target.startLine()).isEqualTo(line);
        assertThat(target.text()).isEqualTo("Workspaces support");
        assertThat(vm.targetProperty().get()).isEqualTo(DocumentViewModel.BEFORE_TARGET);
        assertThat(vm.statusProperty().get()).matches("A long file: lines [\\d,]+ to [\\d,]+ of [\\d,]+ are shown,"
                + " around the result\\.").contains(String.format(java.util.Locale.ROOT, "of %,d", lines.size()));
        assertThat(vm.blocks()).anySatisfy(b -> assertThat(b.marks()).isNotEmpty());
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
