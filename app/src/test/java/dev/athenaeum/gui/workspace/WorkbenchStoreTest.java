package dev.athenaeum.gui.workspace;

import dev.athenaeum.gui.theme.ThemeChoice;

import dev.athenaeum.chunking.ChunkSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WorkbenchStoreTest {

    @TempDir
    Path dir;

    @Test
    void knowledgeBasesSurviveASaveAndLoadAsReadableJson() throws IOException {
        WorkbenchStore store = new WorkbenchStore(dir);
        KnowledgeBase kb = new KnowledgeBase("My notes", List.of(dir.resolve("notes"), dir.resolve("docs")),
                List.of("drafts/**"), ChunkSettings.of(256, 32), "minilm", store.indexFor("My notes"), true);
        Path file = store.fileFor(kb.name());

        store.save(file, kb);

        assertThat(file).isEqualTo(dir.resolve("knowledge-bases/my-notes.json"));
        assertThat(store.load(file)).isEqualTo(kb);
        assertThat(Files.readString(file)).contains("\"name\" : \"My notes\"", "\"chunkSize\" : 256",
                "\"embeddingModel\" : \"all-minilm-l6-v2-q\"", "\"autoUpdate\" : true", dir.resolve("notes").toString());
    }

    @Test
    void aKnowledgeBaseFileWithoutTheAutoUpdateFieldLoadsWithOffersInstead() throws IOException {
        WorkbenchStore store = new WorkbenchStore(dir);
        Path file = Files.writeString(dir.resolve("old.json"), """
                {"name": "old", "sources": [], "exclude": [], "chunkSize": 512, "chunkOverlap": 64,
                 "embeddingModel": "minilm", "indexDir": "idx"}""");

        assertThat(store.load(file).autoUpdate()).isFalse();
    }

    @Test
    void newNamesDoNotOverwriteExistingKnowledgeBases() throws IOException {
        WorkbenchStore store = new WorkbenchStore(dir);
        store.save(store.fileFor("notes"), KnowledgeBase.of("notes", List.of(dir), store.indexFor("notes")));

        assertThat(store.freeName("notes")).isEqualTo("notes 2");
        assertThat(store.freeName("other")).isEqualTo("other");
        assertThat(WorkbenchStore.slug("Ünïcode & Co!")).isEqualTo("n-code-co");
        assertThat(WorkbenchStore.slug("!!!")).isEqualTo("knowledge-base");
    }

    @Test
    void theRecentListPutsTheLastOpenedFirstAndForgetsMissingFiles() throws IOException {
        WorkbenchStore store = new WorkbenchStore(dir);
        assertThat(store.settings()).isEqualTo(WorkbenchStore.Settings.EMPTY);
        for (int i = 0; i < WorkbenchStore.MAX_RECENT + 2; i++) {
            Path f = Files.writeString(dir.resolve("kb" + i + ".json"), "{}");
            store.remember(f, "kb" + i);
        }
        Path first = dir.resolve("kb0.json");
        store.remember(first, "kb0");
        Files.delete(dir.resolve("kb11.json"));
        WorkbenchStore.Settings s = store.remember(dir.resolve("kb5.json"), "kb5");

        assertThat(s.recent()).extracting(RecentEntry::name).startsWith("kb5", "kb0", "kb10", "kb9")
                .doesNotContain("kb11", "kb2").hasSize(WorkbenchStore.MAX_RECENT - 1);
        assertThat(s.launchedBefore()).isTrue();
        assertThat(new WorkbenchStore(dir).settings()).isEqualTo(s);
        assertThat(Files.readString(dir.resolve("workbench.json"))).contains("\"file\" : \"" + dir.resolve("kb5.json") + "\"");
    }

    @Test
    void theThemeChoiceIsRememberedAndOlderSettingsKeepTheirTheme() throws IOException {
        WorkbenchStore store = new WorkbenchStore(dir);
        store.saveSettings(store.settings().withTheme(ThemeChoice.SYSTEM));
        assertThat(new WorkbenchStore(dir).settings().themeChoice()).isEqualTo(ThemeChoice.SYSTEM);
        store.saveSettings(store.settings().withTheme(ThemeChoice.DARK));
        assertThat(new WorkbenchStore(dir).settings().themeChoice()).isEqualTo(ThemeChoice.DARK);
        assertThat(new WorkbenchStore(dir).settings().darkTheme()).as("read by older versions").isTrue();

        Files.writeString(dir.resolve("workbench.json"), "{\"recent\": [], \"darkTheme\": true, \"launchedBefore\": true}");
        assertThat(new WorkbenchStore(dir).settings().themeChoice()).isEqualTo(ThemeChoice.DARK);
    }
}
