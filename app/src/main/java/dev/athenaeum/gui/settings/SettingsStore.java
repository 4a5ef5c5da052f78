package dev.athenaeum.gui.settings;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The workbench's chat defaults in {@code chat.json} in the workbench folder, and its keys in the system keychain or,
 * without one, in {@code keys/} there (a {@link PreferredKeyStore}). The OpenAI key is read from the key store, or from {@code OPENAI_API_KEY} as the command
 * line does.
 */
public final class SettingsStore {

    public static final String OPENAI_KEY = "openai";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final KeyStore keys;

    public SettingsStore(Path workbenchDir) {
        this(workbenchDir.resolve("chat.json"), PreferredKeyStore.system(new FileKeyStore(workbenchDir.resolve("keys"))));
    }

    public SettingsStore(Path file, KeyStore keys) {
        this.file = file;
        this.keys = keys;
    }

    public ChatPreferences chat() throws IOException {
        if (!Files.isRegularFile(file)) {
            return ChatPreferences.DEFAULT;
        }
        try {
            return JSON.readValue(file.toFile(), ChatPreferences.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException("cannot read the chat settings in " + file + ": " + e.getMessage(), e);
        }
    }

    public void saveChat(ChatPreferences prefs) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writeValue(tmp.toFile(), prefs);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public Optional<String> openAiKey() throws IOException {
        Optional<String> stored = keys.read(OPENAI_KEY);
        if (stored.isPresent()) {
            return stored;
        }
        String env = System.getenv("OPENAI_API_KEY");
        return env == null || env.isBlank() ? Optional.empty() : Optional.of(env.strip());
    }

    public KeyStore keys() {
        return keys;
    }
}
