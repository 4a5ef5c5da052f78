package dev.athenaeum.gui.search;

import dev.athenaeum.gui.theme.MarkedText;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextFlow;

/** One result: file and lines with the score, the heading breadcrumb, and the snippet with the query's words marked. */
final class ResultCell extends ListCell<ResultItem> {

    private final Label location = new Label();
    private final Label score = new Label();
    private final Label breadcrumb = new Label();
    /**
     * Asked for its height without a width, a TextFlow measures one unwrapped line, and the list would overlap
     * cells. This one is held to a fixed width a little less than the room the cell has, so it always wraps at the
     * width it measures its height with.
     */
    private final TextFlow snippet = new TextFlow() {
        @Override
        protected double computePrefHeight(double width) {
            return super.computePrefHeight(wrapWidth());
        }
    };
    private final VBox box;

    ResultCell() {
        location.getStyleClass().add("result-location");
        score.getStyleClass().add("result-score");
        breadcrumb.getStyleClass().add("muted");
        breadcrumb.setWrapText(true);
        snippet.getStyleClass().add("snippet");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        box = new VBox(3, new HBox(8, location, spacer, score), breadcrumb, snippet);
        // Wrap the snippet to the list's width instead of widening the cell.
        box.setMinWidth(0);
        box.setPrefWidth(1);
        setPrefWidth(0);
        listViewProperty().addListener((obs, old, list) -> {
            if (list != null) {
                list.widthProperty().addListener((o, w, now) -> fitSnippet());
                fitSnippet();
            }
        });
    }

    private void fitSnippet() {
        double width = wrapWidth();
        snippet.setPrefWidth(width);
        snippet.setMaxWidth(width);
        snippet.requestLayout();
    }

    /** The list's width less the cell's padding, the scroll bar and a margin for borders. */
    private double wrapWidth() {
        return getListView() == null || getListView().getWidth() <= 0 ? 400 : Math.max(100, getListView().getWidth() - 56);
    }

    @Override
    protected void updateItem(ResultItem item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setGraphic(null);
            setAccessibleText(null);
            return;
        }
        location.setText(item.location());
        score.setText(item.score());
        breadcrumb.setText(item.breadcrumb());
        breadcrumb.setManaged(!item.breadcrumb().isEmpty());
        breadcrumb.setVisible(!item.breadcrumb().isEmpty());
        snippet.getChildren().setAll(item.snippet().stream().map(p -> MarkedText.run(p.text(), p.marked())).toList());
        setAccessibleText(item.accessibleText());
        setGraphic(box);
    }
}
