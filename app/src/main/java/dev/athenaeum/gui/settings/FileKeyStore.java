package dev.athenaeum.gui.settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Keys in files only their owner can read: a folder with mode 700 holding one file per key with mode 600. The file
 * is created with those permissions before the key is written, so it is never readable by others, not even briefly.
 */
public final class FileKeyStore implements KeyStore {

    private static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,40}");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

    private final Path dir;

    public FileKeyStore(Path dir) {
        this.dir = dir;
    }

    public Path fileFor(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a key name is lower-case letters, digits and dashes, got '" + name + "'");
        }
        return dir.resolve(name + ".key");
    }

    @Override
    public Optional<String> read(String name) throws IOException {
        Path file = fileFor(name);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String key = Files.readString(file, StandardCharsets.UTF_8).strip();
        return key.isEmpty() ? Optional.empty() : Optional.of(key);
    }

    @Override
    public void write(String name, String key) throws IOException {
        if (key == null || key.isBlank()) {
            delete(name);
            return;
        }
        Path file = fileFor(name);
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (posix) {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR));
            }
            Files.setPosixFilePermissions(dir, OWNER_DIR);
        } else {
            Files.createDirectories(dir);
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        if (posix) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_FILE));
        } else {
            Files.createFile(tmp);
            ownerOnly(tmp);
        }
        Files.writeString(tmp, key.strip(), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Without POSIX permissions (Windows), the closest the JDK offers: readable and writable by the owner alone. */
    private static void ownerOnly(Path file) {
        var f = file.toFile();
        f.setReadable(false, false);
        f.setWritable(false, false);
        f.setReadable(true, true);
        f.setWritable(true, true);
    }

    @Override
    public void delete(String name) throws IOException {
        Files.deleteIfExists(fileFor(name));
    }

    @Override
    public String description() {
        return "a file only you can read, in " + dir;
    }
}
