package dev.athenaeum.gui.theme;

import dev.athenaeum.search.Highlighter;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

import java.util.List;

/** Text with some runs marked (words matching the search), styled by the stylesheet's {@code .text.mark}. */
public final class MarkedText {

    private MarkedText() {
    }

    public static Text run(String text, boolean marked) {
        Text t = new Text(text);
        t.getStyleClass().add("text");
        if (marked) {
            t.getStyleClass().add("mark");
        }
        return t;
    }

    public static TextFlow flow(String text, List<Highlighter.Range> marks) {
        TextFlow flow = new TextFlow();
        int pos = 0;
        for (Highlighter.Range r : marks) {
            if (r.start() > pos) {
                flow.getChildren().add(run(text.substring(pos, r.start()), false));
            }
            flow.getChildren().add(run(text.substring(r.start(), r.end()), true));
            pos = r.end();
        }
        if (pos < text.length() || text.isEmpty()) {
            flow.getChildren().add(run(text.substring(pos), false));
        }
        flow.setAccessibleText(text);
        return flow;
    }
}
