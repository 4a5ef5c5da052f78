package dev.athenaeum.gui.tuning;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.Locale;

/**
 * Chunk sizes as bars, one per size band, tallest band full height. Plain regions styled by the theme, not a chart:
 * ten bars redrawn many times a second should cost the UI thread next to nothing.
 */
final class HistogramView {

    static final double HEIGHT = 120;

    private final HBox root = new HBox(4);

    HistogramView() {
        root.setId("histogram");
        root.getStyleClass().add("histogram");
        root.setAlignment(Pos.BOTTOM_LEFT);
        root.setMinHeight(HEIGHT + 40);
        root.setAccessibleText("Histogram of chunk sizes");
    }

    Node root() {
        return root;
    }

    void show(SizeHistogram histogram) {
        int max = Math.max(1, histogram.max());
        if (root.getChildren().size() != histogram.bins().size()) {
            root.getChildren().clear();
            for (int i = 0; i < histogram.bins().size(); i++) {
                root.getChildren().add(column());
            }
        }
        for (int i = 0; i < histogram.bins().size(); i++) {
            SizeHistogram.Bin bin = histogram.bins().get(i);
            VBox column = (VBox) root.getChildren().get(i);
            Label count = (Label) column.getChildren().get(0);
            Region bar = (Region) column.getChildren().get(1);
            Label range = (Label) column.getChildren().get(2);
            count.setText(Integer.toString(bin.count()));
            double h = bin.count() == 0 ? 1 : Math.max(3, HEIGHT * bin.count() / max);
            bar.setMinHeight(h);
            bar.setPrefHeight(h);
            bar.setMaxHeight(h);
            range.setText(bin.label());
            String text = String.format(Locale.ROOT, "%s tokens: %d chunk%s", bin.label(), bin.count(), bin.count() == 1 ? "" : "s");
            column.setAccessibleText(text);
            Tooltip.install(column, new Tooltip(text));
        }
    }

    private static VBox column() {
        Label count = new Label();
        count.getStyleClass().addAll("histogram-count", "muted");
        Region bar = new Region();
        bar.getStyleClass().add("histogram-bar");
        bar.setMaxWidth(Double.MAX_VALUE);
        Label range = new Label();
        range.getStyleClass().addAll("histogram-range", "muted");
        VBox column = new VBox(2, count, bar, range);
        column.setAlignment(Pos.BOTTOM_CENTER);
        column.getStyleClass().add("histogram-column");
        HBox.setHgrow(column, Priority.ALWAYS);
        column.setMinWidth(36);
        return column;
    }
}
