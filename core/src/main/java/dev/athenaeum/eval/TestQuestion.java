package dev.athenaeum.eval;

import java.util.List;

/**
 * A question a knowledge base should answer, with where the answer is: a file and the line range of the section
 * that answers it. A search result is relevant when it comes from that file and its lines overlap that range.
 */
public record TestQuestion(String id, String question, String file, List<String> headings, int startLine, int endLine) {

    public TestQuestion {
        if (question == null || question.isBlank()) {
            throw new IllegalArgumentException("a test question needs question text");
        }
        if (file == null || file.isBlank()) {
            throw new IllegalArgumentException("test question '" + question + "' needs the file that answers it");
        }
        if (startLine < 1 || endLine < startLine) {
            throw new IllegalArgumentException("test question '" + question + "' has a bad line range " + startLine + "-" + endLine);
        }
        headings = headings == null ? List.of() : List.copyOf(headings);
    }

    public boolean answeredBy(String resultFile, int resultStart, int resultEnd) {
        return file.equals(resultFile) && resultStart <= endLine && resultEnd >= startLine;
    }
}
