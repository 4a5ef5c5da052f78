package dev.athenaeum.gui.tuning;

import dev.athenaeum.eval.TestQuestion;
import dev.athenaeum.eval.TestQuestions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * A knowledge base's test questions, next to its file ({@code notes.json} → {@code notes.questions.jsonl}) in the
 * JSON-lines format {@code athenaeum eval --questions} reads, so the same set works from the command line.
 */
public final class QuestionStore {

    private final Path file;

    public QuestionStore(Path file) {
        this.file = file;
    }

    public static QuestionStore besides(Path knowledgeBaseFile) {
        String name = knowledgeBaseFile.getFileName().toString().replaceFirst("\\.json$", "");
        return new QuestionStore(knowledgeBaseFile.resolveSibling(name + ".questions.jsonl"));
    }

    public Path file() {
        return file;
    }

    public List<TestQuestion> load() throws IOException {
        return Files.exists(file) ? TestQuestions.read(file) : List.of();
    }

    /** Written beside and moved into place, so a crash never leaves half a file. */
    public void save(List<TestQuestion> questions) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        TestQuestions.write(questions, tmp);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
