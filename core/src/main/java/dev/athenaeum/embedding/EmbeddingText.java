package dev.athenaeum.embedding;

import java.util.regex.Pattern;

/**
 * The text a model sees for a chunk: markdown syntax that carries no meaning (link targets, emphasis marks, table
 * rules, HTML comments) removed, so the model's limited window is spent on words.
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
    private static final Pattern SPACES = Pattern.compile("[ \\t]+");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

    private EmbeddingText() {
    }

    public static String of(String markdown) {
        String s = COMMENT.matcher(markdown).replaceAll(" ");
        s = IMAGE.matcher(s).replaceAll("$1");
        s = LINK.matcher(s).replaceAll("$1");
        s = REF_LINK.matcher(s).replaceAll("$1");
        s = LINK_DEF.matcher(s).replaceAll("");
        s = HEADING_MARK.matcher(s).replaceAll("");
        s = TABLE_RULE.matcher(s).replaceAll("");
        s = FENCE.matcher(s).replaceAll("");
        s = HTML_TAG.matcher(s).replaceAll(" ");
        s = EMPHASIS.matcher(s).replaceAll("");
        s = s.replace('`', ' ').replace('|', ' ');
        s = SPACES.matcher(s).replaceAll(" ");
        s = BLANK_LINES.matcher(s).replaceAll("\n\n");
        return s.strip();
    }
}
