package dev.athenaeum.corpus;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

/** YAML front matter at the top of a markdown file: metadata for the index, never text to embed. */
final class FrontMatter {

    record Split(Map<String, Object> metadata, String body, String note) {
    }

    private FrontMatter() {
    }

    /**
     * Separates front matter from the body. The body keeps the file's line numbering: the front matter lines
     * become empty lines.
     */
    static Split split(String text) {
        if (!text.startsWith("---\n")) {
            return new Split(Map.of(), text, null);
        }
        int end = findClosing(text);
        if (end < 0) {
            return new Split(Map.of(), text, null);
        }
        String yaml = text.substring(4, end);
        int bodyStart = text.indexOf('\n', end + 1);
        bodyStart = bodyStart < 0 ? text.length() : bodyStart + 1;
        String blanked = "\n".repeat(countNewlines(text, bodyStart)) + text.substring(bodyStart);
        try {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(20);
            options.setCodePointLimit(1_000_000);
            Object parsed = new Yaml(new SafeConstructor(options)).load(yaml);
            if (parsed != null && !(parsed instanceof Map<?, ?>)) {
                // Plain text between two "---" lines is a paragraph between thematic breaks, not metadata.
                return new Split(Map.of(), text, null);
            }
            Map<String, Object> metadata = new LinkedHashMap<>();
            if (parsed instanceof Map<?, ?> map) {
                map.forEach((k, v) -> metadata.put(String.valueOf(k), v == null ? "" : plain(v)));
            }
            return new Split(metadata, blanked, null);
        } catch (RuntimeException e) {
            return new Split(Map.of(), blanked, "front matter is not valid YAML; its fields were ignored");
        }
    }

    /** Keeps metadata to JSON-friendly values (strings, numbers, booleans, lists and maps of those). */
    private static Object plain(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), x == null ? "" : plain(x)));
            return out;
        }
        if (v instanceof Iterable<?> it) {
            java.util.List<Object> out = new java.util.ArrayList<>();
            it.forEach(x -> out.add(x == null ? "" : plain(x)));
            return out;
        }
        if (v instanceof Number || v instanceof Boolean || v instanceof String) {
            return v;
        }
        if (v instanceof Date d) {
            // YAML timestamps are UTC instants; a bare date must not shift by the machine's time zone.
            Instant instant = d.toInstant();
            return instant.equals(instant.truncatedTo(ChronoUnit.DAYS))
                    ? LocalDate.ofInstant(instant, ZoneOffset.UTC).toString()
                    : instant.toString();
        }
        return String.valueOf(v);
    }

    private static int findClosing(String text) {
        int pos = 4;
        int limit = Math.min(text.length(), 256 * 1024);
        while (pos < limit) {
            int nl = text.indexOf('\n', pos);
            int lineEnd = nl < 0 ? text.length() : nl;
            String line = text.substring(pos, lineEnd).strip();
            if (line.equals("---") || line.equals("...")) {
                return pos;
            }
            if (nl < 0) {
                return -1;
            }
            pos = nl + 1;
        }
        return -1;
    }

    private static int countNewlines(String text, int end) {
        int n = 0;
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }
}
