package dev.athenaeum.eval;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes question sets as JSON lines:
 * {@code {"id":"q1","question":"…","file":"guide/setup.md","headings":["Setup"],"startLine":3,"endLine":20}}.
 */
public final class TestQuestions {

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private TestQuestions() {
    }

    public static List<TestQuestion> read(Path file) throws IOException {
        List<TestQuestion> out = new ArrayList<>();
        int lineNo = 0;
        for (String line : Files.readAllLines(file)) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            try {
                out.add(JSON.readValue(line, TestQuestion.class));
            } catch (IOException | IllegalArgumentException e) {
                throw new IllegalArgumentException(file + " line " + lineNo + " is not a test question: "
                        + firstLine(e.getMessage()), e);
            }
        }
        return out;
    }

    public static void write(List<TestQuestion> questions, Path file) throws IOException {
        List<String> lines = new ArrayList<>(questions.size());
        for (TestQuestion q : questions) {
            lines.add(JSON.writeValueAsString(q));
        }
        Files.write(file, lines);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
