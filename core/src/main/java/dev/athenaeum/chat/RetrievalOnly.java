package dev.athenaeum.chat;

import java.util.List;

/** The answer when no model writes one: what was found, and how to get written answers. */
final class RetrievalOnly {

    static final String NO_MODEL = "No language model is configured, so this is not a written answer: these are the"
            + " passages that best match your question. To get answers, use --provider ollama (with Ollama running)"
            + " or --provider openai (with OPENAI_API_KEY set).";
    private static final int PREVIEW_CHARS = 240;

    private RetrievalOnly() {
    }

    static String text(List<ChatSource> sources, String query) {
        if (sources.isEmpty()) {
            return NO_MODEL + "\n\nNothing in the index matches \"" + query + "\".";
        }
        StringBuilder sb = new StringBuilder(NO_MODEL).append('\n');
        for (ChatSource s : sources) {
            sb.append("\n[").append(s.number()).append("] ").append(s.location()).append("\n    ")
                    .append(preview(s.hit().text())).append('\n');
        }
        return sb.toString().stripTrailing();
    }

    /** With a model but no passages there is nothing to answer from; asking anyway would invite a made-up answer. */
    static String nothingFound(String query) {
        return "Nothing in the index matches \"" + query + "\", so there is nothing to answer from. Try other words,"
                + " or check that the right folders are indexed.";
    }

    private static String preview(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() <= PREVIEW_CHARS ? flat : flat.substring(0, PREVIEW_CHARS).stripTrailing() + "…";
    }
}
