package dev.athenaeum.app;

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

    public Path sampleIndex() {
        return root.resolve(".athenaeum").resolve("sample-index");
    }
}
