package dev.athenaeum.app;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where this installation of Athenaeum lives ({@code athenaeum.home}, set by the launcher) and what it ships: the
 * bundled user guide and the folder its index goes to, shared by the command line's demo and the workbench's sample
 * so either builds it once for both.
 */
public record Home(Path root) {

    public static final String PROPERTY = "athenaeum.home";

    public Home {
        root = root.toAbsolutePath().normalize();
    }

    public static Home fromSystem() {
        return new Home(Path.of(System.getProperty(PROPERTY, ".")));
    }

    public Path sampleGuide() {
        return root.resolve("samples").resolve("guide");
    }

    /**
     * Beside the guide in a checkout; in the user's own folder when the installation is read-only (an installed
     * package under /opt or Program Files), where the index could never be written.
     */
    public Path sampleIndex() {
        return sampleIndex(Path.of(System.getProperty("user.home")));
    }

    Path sampleIndex(Path userHome) {
        Path data = root.resolve(".athenaeum");
        boolean writable = Files.isDirectory(data) ? Files.isWritable(data) : Files.isWritable(root);
        return (writable ? data : userHome.resolve(".athenaeum")).resolve("sample-index");
    }
}
