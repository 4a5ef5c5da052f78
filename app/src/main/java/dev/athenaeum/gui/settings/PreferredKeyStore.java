package dev.athenaeum.gui.settings;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The system keychain where there is one, else the user-only key files; decided at the first use (which runs in the
 * background: finding a keychain can take a moment), not when the workbench starts. A key saved in a file before a
 * keychain was available is still read, and moves into the keychain when it is saved again.
 */
public final class PreferredKeyStore implements KeyStore {

    /** Set to "off" to keep keys in files even where a keychain exists (the build's tests do). */
    public static final String KEYCHAIN_PROPERTY = "athenaeum.keychain";

    private final Supplier<Optional<KeyStore>> keychainProbe;
    private final FileKeyStore files;
    private Optional<KeyStore> keychain;

    public PreferredKeyStore(Supplier<Optional<KeyStore>> keychainProbe, FileKeyStore files) {
        this.keychainProbe = keychainProbe;
        this.files = files;
    }

    private static Optional<KeyStore> systemKeychain;

    /** The keychain (unless switched off) over the key files in {@code files}; the keychain is looked for once. */
    public static PreferredKeyStore system(FileKeyStore files) {
        boolean off = "off".equalsIgnoreCase(System.getProperty(KEYCHAIN_PROPERTY, ""));
        return new PreferredKeyStore(off ? Optional::empty : PreferredKeyStore::systemKeychain, files);
    }

    private static synchronized Optional<KeyStore> systemKeychain() {
        if (systemKeychain == null) {
            systemKeychain = KeychainKeyStore.probe();
        }
        return systemKeychain;
    }

    private synchronized Optional<KeyStore> keychain() {
        if (keychain == null) {
            keychain = keychainProbe.get();
        }
        return keychain;
    }

    @Override
    public Optional<String> read(String name) throws IOException {
        Optional<KeyStore> k = keychain();
        if (k.isPresent()) {
            Optional<String> key = k.get().read(name);
            if (key.isPresent()) {
                return key;
            }
        }
        return files.read(name);
    }

    @Override
    public void write(String name, String key) throws IOException {
        Optional<KeyStore> k = keychain();
        if (k.isPresent()) {
            k.get().write(name, key);
            files.delete(name);
        } else {
            files.write(name, key);
        }
    }

    @Override
    public void delete(String name) throws IOException {
        Optional<KeyStore> k = keychain();
        if (k.isPresent()) {
            k.get().delete(name);
        }
        files.delete(name);
    }

    @Override
    public String description() {
        return keychain().map(KeyStore::description)
                .orElseGet(() -> "a file only you can read (" + files.fileFor(SettingsStore.OPENAI_KEY) + "), since"
                        + " this system offers no keychain");
    }
}
