package dev.athenaeum.gui.chat;

import atlantafx.base.theme.Styles;
import dev.athenaeum.gui.document.Block;
import dev.athenaeum.gui.document.MarkdownBlocks;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

import java.util.Locale;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An answer's markdown as JavaFX nodes, with the blocks the document view uses (see decision 0009), and each
 * citation {@code [n]} a link that opens source n.
 */
final class AnswerText {

    private static final char OPEN = '\uE000';
    private static final char CLOSE = '\uE001';
    private static final Pattern MARKED = Pattern.compile(OPEN + "(\\d{1,2})" + CLOSE);

    private AnswerText() {
    }

    static VBox render(String markdown, IntConsumer openSource, java.util.function.IntPredicate exists) {
        VBox box = new VBox(6);
        box.getStyleClass().add("document");
        // [n] becomes a private-use marker markdown leaves alone: as "[n]" it is read as a link reference and loses
        // its brackets, and escaped as "\\[n\\]" flexmark's text collector keeps the closing "**" of bold before it.
        String marked = Exchange.CITATION.matcher(markdown).replaceAll(OPEN + "$1" + CLOSE);
        for (Block b : MarkdownBlocks.parse(marked)) {
            box.getChildren().add(node(b, openSource, exists));
        }
        return box;
    }

    /**
     * The paragraph still being written, with the markers it opened and has not closed yet (bold, code) closed, so
     * that a half-streamed {@code **bold} shows as bold text instead of two stray asterisks until the closing pair
     * arrives.
     */
    static String closeOpen(String partial) {
        StringBuilder closed = new StringBuilder(partial);
        int ticks = count(partial, "`");
        if (ticks % 2 == 1) {
            closed.append('`');
        }
        String outsideCode = partial.replaceAll("`[^`]*`?", "");
        for (String marker : new String[] {"**", "__"}) {
            if (count(outsideCode, marker) % 2 == 1) {
                // A marker cut in half ("*" of "**") at the very end is left for the next piece to complete.
                closed.append(marker);
            }
        }
        return closed.toString();
    }

    private static int count(String s, String marker) {
        int n = 0;
        for (int at = s.indexOf(marker); at >= 0; at = s.indexOf(marker, at + marker.length())) {
            n++;
        }
        return n;
    }

    private static Node node(Block b, IntConsumer openSource, java.util.function.IntPredicate exists) {
        String kind = b.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
        if (b.kind() == Block.Kind.RULE) {
            Region rule = new Region();
            rule.setMinHeight(1);
            rule.getStyleClass().add("rule");
            return rule;
        }
        TextFlow flow = flow(b.text(), openSource, exists);
        Node node = flow;
        if (b.kind() == Block.Kind.LIST_ITEM) {
            Label marker = new Label(b.marker());
            marker.setMinWidth(Region.USE_PREF_SIZE);
            HBox item = new HBox(6, marker, flow);
            item.setStyle("-fx-padding: 0 0 0 " + (b.level() * 18) + ";");
            node = item;
        }
        node.getStyleClass().addAll("block", kind);
        if (b.kind() == Block.Kind.HEADING) {
            node.getStyleClass().add("h" + Math.min(4, b.level()));
        }
        return node;
    }

    private static TextFlow flow(String text, IntConsumer openSource, java.util.function.IntPredicate exists) {
        TextFlow flow = new TextFlow();
        flow.setAccessibleRole(AccessibleRole.TEXT);
        Matcher m = MARKED.matcher(text);
        StringBuilder plain = new StringBuilder();
        int at = 0;
        while (m.find()) {
            int n = Integer.parseInt(m.group(1));
            plain.append(text, at, m.start());
            at = m.end();
            if (!exists.test(n)) {
                plain.append('[').append(n).append(']');
                continue;
            }
            if (!plain.isEmpty()) {
                flow.getChildren().add(new Text(plain.toString()));
                plain.setLength(0);
            }
            Hyperlink link = new Hyperlink("[" + n + "]");
            link.getStyleClass().addAll("citation", Styles.TEXT_SMALL);
            link.setAccessibleText("Open source " + n);
            link.setOnAction(e -> openSource.accept(n));
            flow.getChildren().add(link);
        }
        plain.append(text, at, text.length());
        if (!plain.isEmpty()) {
            flow.getChildren().add(new Text(plain.toString()));
        }
        return flow;
    }
}
