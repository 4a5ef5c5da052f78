package dev.athenaeum.gui.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/** A knowledge base's deployment, in {@code NAME.deploy.json} beside the knowledge base's own {@code NAME.json}. */
public final class DeployedStacks {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path file;

    public DeployedStacks(Path file) {
        this.file = file;
    }

    public static DeployedStacks beside(Path knowledgeBaseFile) {
        String name = knowledgeBaseFile.getFileName().toString().replaceFirst("\\.json$", "");
        return new DeployedStacks(knowledgeBaseFile.resolveSibling(name + ".deploy.json"));
    }

    public Optional<DeployedStack> load() throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), DeployedStack.class));
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException("cannot read the deployment in " + file + ": " + e.getMessage(), e);
        }
    }

    /** Written to a temporary file and moved into place, so a crash never leaves half a file. */
    public void save(DeployedStack stack) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writeValue(tmp.toFile(), stack);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public void forget() throws IOException {
        Files.deleteIfExists(file);
    }
}
