package dev.athenaeum.gui.settings;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Keys in the operating system's keychain through java-keyring: the macOS Keychain, the Windows Credential Manager,
 * or a Secret Service (GNOME Keyring, KWallet) over D-Bus. Entries are named service "Athenaeum", account = the
 * key's name.
 */
public final class KeychainKeyStore implements KeyStore {

    static final String SERVICE = "Athenaeum";
    /** A keychain that does not answer in this time is treated as absent (a locked or hung Secret Service). */
    static final long PROBE_SECONDS = 3;
    private static final String PROBE_ACCOUNT = "availability-check";

    private final Keyring keyring;

    private KeychainKeyStore(Keyring keyring) {
        this.keyring = keyring;
    }

    /** The system's keychain if it answers within {@link #PROBE_SECONDS}; empty where there is none. */
    public static Optional<KeyStore> probe() {
        CompletableFuture<Optional<KeyStore>> probing = CompletableFuture.supplyAsync(() -> {
            try {
                Keyring k = Keyring.create();
                try {
                    k.getPassword(SERVICE, PROBE_ACCOUNT);
                } catch (PasswordAccessException absent) {
                    // No such entry is the expected answer: the keychain is there and answered.
                }
                return Optional.of(new KeychainKeyStore(k));
            } catch (BackendNotSupportedException | RuntimeException | LinkageError e) {
                return Optional.empty();
            }
        });
        try {
            return probing.get(PROBE_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            probing.cancel(true);
            return Optional.empty();
        }
    }

    @Override
    public Optional<String> read(String name) throws IOException {
        try {
            String key = keyring.getPassword(SERVICE, name);
            return key == null || key.isBlank() ? Optional.empty() : Optional.of(key.strip());
        } catch (PasswordAccessException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            throw new IOException("cannot read the key '" + name + "' from the system keychain: " + e.getMessage(), e);
        }
    }

    @Override
    public void write(String name, String key) throws IOException {
        if (key == null || key.isBlank()) {
            delete(name);
            return;
        }
        try {
            keyring.setPassword(SERVICE, name, key.strip());
        } catch (PasswordAccessException | RuntimeException e) {
            throw new IOException("cannot store the key '" + name + "' in the system keychain: " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(String name) throws IOException {
        try {
            keyring.deletePassword(SERVICE, name);
        } catch (PasswordAccessException e) {
            // Nothing stored under that name: deleted already.
        } catch (RuntimeException e) {
            throw new IOException("cannot delete the key '" + name + "' from the system keychain: " + e.getMessage(), e);
        }
    }

    @Override
    public String description() {
        return "the system keychain (" + keyring.getKeyringStorageType().name().toLowerCase(java.util.Locale.ROOT)
                .replace('_', ' ') + ")";
    }
}
