package dev.athenaeum.gui.chat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * A knowledge base's conversation, in a JSON file next to the knowledge base's own ({@code NAME.chat.json} beside
 * {@code NAME.json}): questions, answers and the sources' locations, never settings or keys.
 */
public final class ChatHistory {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final TypeReference<List<Exchange>> EXCHANGES = new TypeReference<>() { };

    private final Path file;

    public ChatHistory(Path file) {
        this.file = file;
    }

    /** The history file of the knowledge base saved in {@code knowledgeBaseFile}. */
    public static ChatHistory beside(Path knowledgeBaseFile) {
        String name = knowledgeBaseFile.getFileName().toString().replaceFirst("\\.json$", "");
        return new ChatHistory(knowledgeBaseFile.resolveSibling(name + ".chat.json"));
    }

    public Path file() {
        return file;
    }

    public List<Exchange> load() throws IOException {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return List.copyOf(JSON.readValue(file.toFile(), EXCHANGES));
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException("cannot read the chat history in " + file + ": " + e.getMessage(), e);
        }
    }

    /** Written to a temporary file and moved into place, so a crash never leaves half a history. */
    public void save(List<Exchange> exchanges) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writeValue(tmp.toFile(), exchanges);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
