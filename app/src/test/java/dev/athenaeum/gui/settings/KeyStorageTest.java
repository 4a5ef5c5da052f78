package dev.athenaeum.gui.settings;

import dev.athenaeum.chat.ChatProvider;
import dev.athenaeum.chat.FakeChatServer;
import dev.athenaeum.gui.GuiFixtures;
import dev.athenaeum.gui.chat.ChatHistory;
import dev.athenaeum.gui.chat.ChatOpener;
import dev.athenaeum.gui.chat.ChatViewModel;
import dev.athenaeum.gui.search.IndexedGuide;
import dev.athenaeum.gui.workspace.KnowledgeBaseSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** API keys live in a file only the owner can read, and nowhere else: not in the workspace's files, not in logs. */
class KeyStorageTest {

    private static final String KEY = "sk-test-5f3c9a17e2b84d06";

    @TempDir
    Path dir;

    @Test
    void theKeyFileAndItsFolderAreTheOwnersAlone() throws Exception {
        FileKeyStore keys = new FileKeyStore(dir.resolve("workbench/keys"));
        keys.write("openai", KEY);

        Path file = keys.fileFor("openai");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        assertThat(keys.read("openai")).contains(KEY);

        keys.write("openai", KEY + "x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(keys.read("openai")).contains(KEY + "x");
        keys.delete("openai");
        assertThat(keys.read("openai")).isEmpty();
        assertThatThrownBy(() -> keys.write("../escape", KEY)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("key name");
    }

    @Test
    void chattingWithAKeyLeavesItOutOfTheWorkspaceAndTheLogs() throws Exception {
        Path workbench = dir.resolve("workbench");
        SettingsStore settings = new SettingsStore(workbench);
        settings.keys().write(SettingsStore.OPENAI_KEY, KEY);
        GuiFixtures.Direct direct = new GuiFixtures.Direct();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        try (KnowledgeBaseSession session = IndexedGuide.build(dir.resolve("kb"));
             FakeChatServer fake = new FakeChatServer().requireKey(KEY).models("gpt-4o-mini").answer("Yes [1].")) {
            settings.saveChat(new ChatPreferences(ChatProvider.OPENAI, null, fake.openAiUrl(), "gpt-4o-mini"));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            ChatViewModel vm = new ChatViewModel(ChatOpener.of(session), settings,
                    new ChatHistory(workbench.resolve("knowledge-bases/guide.chat.json")), direct.tasks);
            vm.load();
            vm.questionProperty().set("how do I search?");
            vm.send();

            assertThat(vm.errorProperty().get()).isEmpty();
            assertThat(vm.exchanges()).singleElement().satisfies(e -> assertThat(e.answer()).isEqualTo("Yes [1]."));
            assertThat(fake.requests("/v1/chat/completions").get(0).authorization()).isEqualTo("Bearer " + KEY);

            settings.keys().write(SettingsStore.OPENAI_KEY, "sk-wrong-key-0000");
            vm.questionProperty().set("and again?");
            vm.send();
            assertThat(vm.errorProperty().get()).contains("rejected the API key").doesNotContain("sk-wrong");
        } finally {
            System.setErr(original);
        }

        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain(KEY).doesNotContain("sk-wrong");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).filter(f -> !f.startsWith(workbench.resolve("keys"))).toList();
        }
        assertThat(files).extracting(f -> f.getFileName().toString()).contains("chat.json", "guide.chat.json");
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).as(f.toString()).doesNotContain(KEY);
        }
    }
}
