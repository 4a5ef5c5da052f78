package dev.athenaeum.embedding;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text a model sees for a chunk: markdown syntax that carries no meaning (link targets, emphasis marks, table
 * rules, HTML comments) removed, so the model's limited window is spent on words. Code, fenced or inline, keeps its
 * text: only the fences and backticks go.
 */
public final class EmbeddingText {

    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\((?:[^()]|\\([^)]*\\))*\\)");
    private static final Pattern REF_LINK = Pattern.compile("\\[([^\\]]+)]\\[[^\\]]*]");
    private static final Pattern LINK_DEF = Pattern.compile("(?m)^\\s{0,3}\\[[^\\]]+]:\\s*\\S+.*$");
    private static final Pattern HEADING_MARK = Pattern.compile("(?m)^\\s{0,3}#{1,6}\\s+");
    private static final Pattern TABLE_RULE = Pattern.compile("(?m)^\\s*\\|?\\s*:?-{3,}:?\\s*(\\|\\s*:?-{3,}:?\\s*)*\\|?\\s*$");
    private static final Pattern EMPHASIS = Pattern.compile("(\\*\\*|__|(?<![\\w*])\\*(?=\\S)|(?<=\\S)\\*(?![\\w*]))");
    private static final Pattern FENCE = Pattern.compile("(?m)^\\s*(```|~~~)\\w*\\s*$");
    private static final Pattern HTML_TAG = Pattern.compile("</?[a-zA-Z][^>]{0,200}>");
    /** camelCase identifiers (peerDependenciesMeta): the model reads words, so give it the words. */
    private static final Pattern CAMEL = Pattern.compile("\\b[a-z][a-z0-9]*(?:[A-Z][a-z0-9]+)+\\b");
    private static final Pattern CAMEL_HUMP = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");
    private static final Pattern FENCE_LINE = Pattern.compile("^\\s*(`{3,}|~{3,})(.*)$");
    private static final Pattern CODE_SPAN = Pattern.compile("(?<!`)(`+)(?!`).+?(?<!`)\\1(?!`)");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

    private EmbeddingText() {
    }

    public static String of(String markdown) {
        String[] lines = markdown.split("\n", -1);
        StringBuilder out = new StringBuilder();
        StringBuilder prose = new StringBuilder();
        int i = 0;
        while (i < lines.length) {
            String fence = openingFence(lines[i]);
            if (fence == null) {
                prose.append('\n').append(lines[i++]);
                continue;
            }
            int close = i + 1;
            while (close < lines.length && !closes(lines[close], fence)) {
                close++;
            }
            boolean bare = lines[i].strip().length() == fence.length();
            if (close == lines.length && bare) {
                // A lone bare fence in a chunk is most likely the end of a code block cut off before it: drop it.
                i++;
                continue;
            }
            out.append(prose(prose.toString()));
            prose.setLength(0);
            // Code is kept as written: identifiers like __dirname or placeholders like <package-spec> are words.
            for (int k = i + 1; k < close; k++) {
                out.append('\n').append(lines[k]);
            }
            out.append('\n');
            i = close + 1;
        }
        out.append(prose(prose.toString()));
        String s = out.toString().replace('`', ' ').replace('|', ' ');
        if (hasHump(s)) {
            s = CAMEL.matcher(s).replaceAll(m -> CAMEL_HUMP.matcher(m.group()).replaceAll(" ").toLowerCase(java.util.Locale.ROOT));
        }
        s = collapseSpaces(s);
        s = replace(s, "\n\n\n", BLANK_LINES, "\n\n");
        return s.strip();
    }

    /** Whether a lower-case letter or digit is directly followed by a capital, as in every camelCase word. */
    private static boolean hasHump(String s) {
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            char p = s.charAt(i - 1);
            if (c >= 'A' && c <= 'Z' && (p >= 'a' && p <= 'z' || p >= '0' && p <= '9')) {
                return true;
            }
        }
        return false;
    }

    /** Every run of spaces and tabs as one space. */
    private static String collapseSpaces(String s) {
        StringBuilder out = null;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\t') {
                if (out != null) {
                    out.append(c);
                }
                i++;
                continue;
            }
            int end = i + 1;
            while (end < s.length() && (s.charAt(end) == ' ' || s.charAt(end) == '\t')) {
                end++;
            }
            if (out == null && (end - i > 1 || c == '\t')) {
                out = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (out != null) {
                out.append(' ');
            }
            i = end;
        }
        return out == null ? s : out.toString();
    }

    /** The fence marker ({@code ```} or {@code ~~~}, possibly longer) a line opens a code block with, or null. */
    private static String openingFence(String line) {
        if (!line.contains("```") && !line.contains("~~~")) {
            return null;
        }
        Matcher m = FENCE_LINE.matcher(line);
        if (!m.matches() || (m.group(1).charAt(0) == '`' && m.group(2).indexOf('`') >= 0)) {
            return null;
        }
        return m.group(1);
    }

    private static boolean closes(String line, String fence) {
        if (!line.contains(fence.substring(0, 3))) {
            return false;
        }
        Matcher m = FENCE_LINE.matcher(line);
        return m.matches() && m.group(1).charAt(0) == fence.charAt(0) && m.group(1).length() >= fence.length()
                && m.group(2).isBlank();
    }

    private static String prose(String markdown) {
        if (markdown.isEmpty()) {
            return "";
        }
        // Each pattern needs a literal that most text lacks; looking for it first skips a regex pass over the text
        // (this runs over every chunk of a corpus, twice) without changing the result.
        String s = markdown;
        s = replace(s, "<!--", COMMENT, " ");
        s = replace(s, "![", IMAGE, "$1");
        s = replace(s, "](", LINK, "$1");
        s = replace(s, "][", REF_LINK, "$1");
        s = replace(s, "]:", LINK_DEF, "");
        s = replace(s, "#", HEADING_MARK, "");
        s = replace(s, "---", TABLE_RULE, "");
        if (s.contains("```") || s.contains("~~~")) {
            s = FENCE.matcher(s).replaceAll("");
        }
        if (s.indexOf('`') < 0) {
            return markup(s);
        }
        // Tags and emphasis marks are markup only outside inline code spans.
        StringBuilder out = new StringBuilder();
        Matcher code = CODE_SPAN.matcher(s);
        int last = 0;
        while (code.find()) {
            out.append(markup(s.substring(last, code.start()))).append(code.group());
            last = code.end();
        }
        out.append(markup(s.substring(last)));
        return out.toString();
    }

    private static String replace(String s, String needed, Pattern pattern, String replacement) {
        return s.contains(needed) ? pattern.matcher(s).replaceAll(replacement) : s;
    }

    private static String markup(String s) {
        s = replace(s, "<", HTML_TAG, " ");
        return s.indexOf('*') >= 0 || s.contains("__") ? EMPHASIS.matcher(s).replaceAll("") : s;
    }
}
