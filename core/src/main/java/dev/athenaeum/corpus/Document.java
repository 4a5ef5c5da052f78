package dev.athenaeum.corpus;

import java.util.List;
import java.util.Map;

/**
 * A markdown file read and decoded. {@code text} has {@code \n} line ends and keeps the file's line numbering:
 * front matter lines are blanked, not removed, so line {@code n} of {@code text} is line {@code n} of the file.
 *
 * @param metadata front matter values (empty when there is none)
 * @param title    the front matter {@code title}, or null
 * @param sha256   hash of the file's bytes, hex
 * @param notes    things the user may want to know that did not stop indexing (e.g. a decoding fallback)
 */
public record Document(
        String file,
        String text,
        Map<String, Object> metadata,
        String title,
        String sha256,
        long sizeBytes,
        List<String> notes) {

    public Document {
        metadata = Map.copyOf(metadata);
        notes = List.copyOf(notes);
    }
}
