package dev.athenaeum.gui.settings;

import dev.athenaeum.chat.FakeChatServer;
import dev.athenaeum.gui.GuiFixtures;
import dev.athenaeum.gui.theme.ThemeChoice;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The Settings page off the UI thread: providers saved and tested, the key kept out of every settings file. */
class SettingsViewModelTest {

    private static final String KEY = "sk-test-settings-0123456789";

    @TempDir
    Path dir;

    private final GuiFixtures.Direct direct = new GuiFixtures.Direct();

    @Test
    void providersAreSavedAndAWrongUrlIsRefusedInOneLine() throws Exception {
        SettingsStore store = new SettingsStore(dir);
        SettingsViewModel vm = new SettingsViewModel(new SimpleObjectProperty<>(ThemeChoice.LIGHT), store, direct.tasks);
        int[] saved = {0};
        vm.setOnSaved(() -> saved[0]++);
        vm.load();
        assertThat(vm.ollamaUrlProperty().get()).isEqualTo("http://localhost:11434");
        assertThat(vm.openAiUrlProperty().get()).isEqualTo(SettingsViewModel.OPENAI_URL);

        vm.ollamaUrlProperty().set("localhost:11434");
        vm.saveProviders();
        assertThat(vm.errorProperty().get()).isEqualTo("a base URL starts with http:// or https://, got localhost:11434");
        assertThat(saved[0]).isZero();

        vm.ollamaUrlProperty().set("http://gpu-box:11434");
        vm.openAiUrlProperty().set("https://llm.example.com/v1");
        vm.saveProviders();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(store.chat().ollamaUrl()).isEqualTo("http://gpu-box:11434");
        assertThat(store.chat().openAiUrl()).isEqualTo("https://llm.example.com/v1");
        assertThat(saved[0]).isEqualTo(1);
        assertThat(direct.failures).isEmpty();
    }

    @Test
    void theKeyIsKeptInAUserOnlyFileWithoutAKeychainAndNeverInTheSettings() throws Exception {
        SettingsStore store = new SettingsStore(dir);
        SettingsViewModel vm = new SettingsViewModel(new SimpleObjectProperty<>(ThemeChoice.LIGHT), store, direct.tasks);
        vm.load();
        vm.saveKey();
        assertThat(vm.errorProperty().get()).isEqualTo("type or paste the OpenAI key first");

        vm.keyProperty().set("  " + KEY + "  ");
        vm.saveKey();
        vm.saveProviders();

        assertThat(vm.keyProperty().get()).as("the field forgets the key").isEmpty();
        assertThat(vm.keyStatusProperty().get()).startsWith("An OpenAI key is saved in a file only you can read");
        assertThat(store.openAiKey()).contains(KEY);
        Path file = dir.resolve("keys").resolve("openai.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (var files = Files.walk(dir)) {
            for (Path p : files.filter(p -> Files.isRegularFile(p) && !p.equals(file)).toList()) {
                assertThat(Files.readString(p)).as(p.toString()).doesNotContain(KEY);
            }
        }

        vm.removeKey();
        assertThat(store.keys().read(SettingsStore.OPENAI_KEY)).isEmpty();
        assertThat(vm.keyStatusProperty().get()).containsAnyOf("No OpenAI key saved", "OPENAI_API_KEY");
        assertThat(direct.failures).isEmpty();
    }

    @Test
    void testingOllamaListsItsModelsOrSaysWhyItCannot() throws Exception {
        SettingsViewModel vm = new SettingsViewModel(new SimpleObjectProperty<>(ThemeChoice.LIGHT), new SettingsStore(dir),
                direct.tasks);
        vm.load();
        try (FakeChatServer ollama = new FakeChatServer().models("llama3.1:8b", "qwen2.5:7b")) {
            vm.ollamaUrlProperty().set(ollama.ollamaUrl());
            vm.testOllama();
            assertThat(vm.connectionProperty().get()).isEqualTo("Ollama answers at " + ollama.ollamaUrl()
                    + " with 2 model(s): llama3.1:8b, qwen2.5:7b");
        }
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        vm.ollamaUrlProperty().set("http://127.0.0.1:" + closed);
        vm.testOllama();
        assertThat(vm.connectionProperty().get()).isEmpty();
        assertThat(vm.errorProperty().get()).contains("Ollama is not running").doesNotContain("\n");
        assertThat(direct.failures).isEmpty();
    }

    @Test
    void aKeychainTakesTheKeyAndTheOldFileCopyGoesWhileAKeyInAFileIsStillRead() throws Exception {
        FileKeyStore files = new FileKeyStore(dir.resolve("keys"));
        files.write(SettingsStore.OPENAI_KEY, "sk-from-before-the-keychain");
        InMemoryKeychain keychain = new InMemoryKeychain();
        PreferredKeyStore keys = new PreferredKeyStore(() -> Optional.of(keychain), files);

        assertThat(keys.read(SettingsStore.OPENAI_KEY)).contains("sk-from-before-the-keychain");
        keys.write(SettingsStore.OPENAI_KEY, KEY);
        assertThat(keychain.keys).containsEntry(SettingsStore.OPENAI_KEY, KEY);
        assertThat(files.read(SettingsStore.OPENAI_KEY)).isEmpty();
        assertThat(keys.read(SettingsStore.OPENAI_KEY)).contains(KEY);
        assertThat(keys.description()).isEqualTo("the test keychain");
        keys.delete(SettingsStore.OPENAI_KEY);
        assertThat(keys.read(SettingsStore.OPENAI_KEY)).isEmpty();

        PreferredKeyStore without = new PreferredKeyStore(Optional::empty, files);
        without.write(SettingsStore.OPENAI_KEY, KEY);
        assertThat(files.read(SettingsStore.OPENAI_KEY)).contains(KEY);
        assertThat(without.description()).startsWith("a file only you can read").endsWith("offers no keychain");
    }

    @Test
    void lookingForTheSystemKeychainAnswersEitherWayAndNeverThrows() {
        Optional<KeyStore> found = KeychainKeyStore.probe();
        found.ifPresent(k -> assertThat(k.description()).startsWith("the system keychain"));
    }

    /** Stands in for an operating system's keychain, which the build machine has none of. */
    private static final class InMemoryKeychain implements KeyStore {
        final java.util.Map<String, String> keys = new java.util.HashMap<>();

        @Override
        public Optional<String> read(String name) {
            return Optional.ofNullable(keys.get(name));
        }

        @Override
        public void write(String name, String key) {
            keys.put(name, key);
        }

        @Override
        public void delete(String name) {
            keys.remove(name);
        }

        @Override
        public String description() {
            return "the test keychain";
        }
    }
}
