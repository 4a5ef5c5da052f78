package dev.athenaeum.gui.settings;

import java.io.IOException;
import java.util.Optional;

/** Where API keys are kept, by name (such as {@code openai}); never in the workbench's JSON files. */
public interface KeyStore {

    Optional<String> read(String name) throws IOException;

    void write(String name, String key) throws IOException;

    void delete(String name) throws IOException;

    /** Where keys go, in words, for the settings screen. */
    String description();
}
