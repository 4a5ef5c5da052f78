package dev.athenaeum.gui.tuning;

import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.VBox;

/** One chunk: number, lines and tokens, the breadcrumb, the start of its text, with a rule between chunks. */
final class ChunkCell extends ListCell<ChunkRow> {

    private final Label heading = new Label();
    private final Label breadcrumb = new Label();
    private final Label text = new Label();
    private final VBox box = new VBox(2, heading, breadcrumb, text);

    ChunkCell() {
        heading.getStyleClass().add("chunk-heading");
        breadcrumb.getStyleClass().add("muted");
        text.getStyleClass().add("chunk-text");
        text.setWrapText(true);
        // Without this a wrapped label in a list cell is given one line and ends in an ellipsis.
        text.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        text.setMaxHeight(120);
        box.getStyleClass().add("chunk");
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(ChunkRow row, boolean empty) {
        super.updateItem(row, empty);
        if (empty || row == null) {
            setGraphic(null);
            setAccessibleText(null);
            return;
        }
        heading.setText(row.heading());
        breadcrumb.setText(row.breadcrumb().isEmpty() ? "(before the first heading)" : row.breadcrumb());
        text.setText(row.text());
        setAccessibleText("Chunk " + row.heading() + ", " + row.breadcrumb());
        setGraphic(box);
    }
}
