package dev.athenaeum.gui.workspace;

import dev.athenaeum.gui.GuiFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SourcesViewModelTest {

    @TempDir
    Path dir;

    private final GuiFixtures.Direct direct = new GuiFixtures.Direct();
    private final List<KnowledgeBase> saved = new ArrayList<>();

    @Test
    void addingAFolderCountsItsFilesAndChangesTheKnowledgeBase() throws IOException {
        Path notes = GuiFixtures.guideCopy(dir.resolve("notes"), List.of("faq.md", "concepts/chunking.md"));
        KnowledgeBaseSession session = session(List.of());
        SourcesViewModel vm = new SourcesViewModel(session, direct.tasks, saved::add);

        vm.add(notes);

        assertThat(vm.rows()).singleElement().satisfies(row -> {
            assertThat(row.folder()).isEqualTo(notes);
            assertThat(row.filesProperty().get()).isEqualTo("3 markdown files");
        });
        assertThat(session.knowledgeBase().sources()).containsExactly(notes);
        assertThat(saved).singleElement().extracting(KnowledgeBase::sources).isEqualTo(List.of(notes));
        assertThat(direct.failures).isEmpty();
    }

    @Test
    void duplicatesAndFilesAreRefusedWithAMessage() throws IOException {
        Path notes = Files.createDirectories(dir.resolve("notes"));
        Path file = Files.writeString(dir.resolve("a.md"), "# A\n");
        SourcesViewModel vm = new SourcesViewModel(session(List.of(notes)), direct.tasks, saved::add);

        vm.add(notes);
        assertThat(vm.statusProperty().get()).isEqualTo("notes is already a source.");
        vm.add(file);
        assertThat(vm.statusProperty().get()).endsWith("a.md is not a folder.");

        assertThat(vm.rows()).hasSize(1);
        assertThat(saved).isEmpty();
    }

    @Test
    void removingAFolderTakesItOutOfTheKnowledgeBase() throws IOException {
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        KnowledgeBaseSession session = session(List.of(a, b));
        SourcesViewModel vm = new SourcesViewModel(session, direct.tasks, saved::add);

        vm.remove(vm.rows().get(0));

        assertThat(vm.folders()).containsExactly(b);
        assertThat(session.knowledgeBase().sources()).containsExactly(b);
        assertThat(vm.rows().get(0).filesProperty().get()).isEqualTo("0 markdown files");
    }

    @Test
    void aFolderThatWentAwayIsShownAsSuch() {
        SourcesViewModel vm = new SourcesViewModel(session(List.of(dir.resolve("gone"))), direct.tasks, saved::add);

        assertThat(vm.rows().get(0).filesProperty().get()).isEqualTo("folder not found");
        assertThat(direct.failures).isEmpty();
    }

    private KnowledgeBaseSession session(List<Path> sources) {
        return new KnowledgeBaseSession(KnowledgeBase.of("test", sources, dir.resolve("index")), GuiFixtures.MODELS);
    }
}
