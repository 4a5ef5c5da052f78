package dev.athenaeum.gui.tuning;

import atlantafx.base.theme.Styles;
import javafx.beans.property.IntegerProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * The tuning screen: size and overlap (sliders and fields), the chosen file's chunks, the corpus' chunk sizes and
 * the test questions with their recall for the last build and for these settings.
 */
public final class TuningView {

    static final String STYLESHEET = Objects.requireNonNull(TuningView.class.getResource("tuning.css"), "tuning.css")
            .toExternalForm();

    private final TuningViewModel vm;
    private final BorderPane root = new BorderPane();
    private final Slider size = new Slider(32, 2048, 512);
    private final TextField sizeField = new TextField();
    private final Slider overlap = new Slider(0, 512, 64);
    private final TextField overlapField = new TextField();
    private final Button apply = new Button("Apply");
    private final Button rebuild = new Button("Rebuild now");
    private final Label error = new Label();
    private final Label summary = new Label();
    private final Label status = new Label();
    private final ComboBox<String> file = new ComboBox<>();
    private final ListView<ChunkRow> chunks = new ListView<>();
    private final HistogramView histogram = new HistogramView();
    private final TestQuestionsView questions;
    private boolean syncing;

    public TuningView(TuningViewModel vm, TestQuestionsViewModel questions) {
        this.vm = vm;
        this.questions = new TestQuestionsView(questions);
        createView();
        initListeners();
    }

    public Node root() {
        return root;
    }

    private void createView() {
        root.setId("tuning");
        root.getStylesheets().add(STYLESHEET);
        size.setId("chunkSizeSlider");
        size.setAccessibleText("Chunk size in tokens");
        size.setBlockIncrement(16);
        overlap.setId("chunkOverlapSlider");
        overlap.setAccessibleText("Chunk overlap in tokens");
        overlap.setBlockIncrement(8);
        sizeField.setId("chunkSizeField");
        sizeField.setAccessibleText("Chunk size in tokens");
        sizeField.setPrefColumnCount(5);
        overlapField.setId("chunkOverlapField");
        overlapField.setAccessibleText("Chunk overlap in tokens");
        overlapField.setPrefColumnCount(4);
        apply.setId("applyChunking");
        apply.getStyleClass().add(Styles.ACCENT);
        apply.setTooltip(new Tooltip("Keep these settings for this knowledge base"));
        rebuild.setId("rebuildNow");
        error.setId("chunkingError");
        error.getStyleClass().add("inline-error");
        error.setWrapText(true);
        summary.setId("chunkSummary");
        summary.getStyleClass().add("muted");
        status.setId("chunkingStatus");
        status.setWrapText(true);
        HBox.setHgrow(size, Priority.ALWAYS);
        HBox.setHgrow(overlap, Priority.ALWAYS);
        HBox controls = new HBox(8, new Label("Chunk size"), size, sizeField, new Label("Overlap"), overlap, overlapField,
                apply, rebuild);
        controls.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(4, controls, error, summary, status);
        top.getStyleClass().add("panel");
        root.setTop(top);

        file.setId("previewFile");
        file.setAccessibleText("File to preview");
        file.setMaxWidth(Double.MAX_VALUE);
        chunks.setId("chunks");
        chunks.setAccessibleText("Chunks of the file");
        chunks.setCellFactory(l -> new ChunkCell());
        chunks.setPlaceholder(new Label("No chunks yet"));
        VBox.setVgrow(chunks, Priority.ALWAYS);
        Label fileTitle = new Label("Chunks of");
        fileTitle.getStyleClass().add("pane-title");
        VBox left = new VBox(8, new HBox(8, fileTitle, file), chunks);
        HBox.setHgrow(file, Priority.ALWAYS);
        left.getStyleClass().add("panel");

        Label histogramTitle = new Label("Chunk sizes across the knowledge base (tokens)");
        histogramTitle.getStyleClass().add("pane-title");
        VBox right = new VBox(8, histogramTitle, histogram.root(), questions.root());
        VBox.setVgrow(questions.root(), Priority.ALWAYS);
        right.getStyleClass().add("panel");
        SplitPane split = new SplitPane(left, right);
        split.setDividerPositions(0.45);
        root.setCenter(split);
    }

    private void initListeners() {
        link(size, sizeField, vm.chunkSizeProperty(), vm::enterChunkSize);
        link(overlap, overlapField, vm.chunkOverlapProperty(), vm::enterChunkOverlap);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        summary.textProperty().bind(vm.summaryProperty());
        status.textProperty().bind(vm.statusProperty());
        status.visibleProperty().bind(vm.statusProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());
        apply.disableProperty().bind(vm.errorProperty().isNotEmpty());
        apply.setOnAction(e -> vm.apply());
        rebuild.visibleProperty().bind(vm.rebuildOfferedProperty());
        rebuild.managedProperty().bind(rebuild.visibleProperty());
        rebuild.setOnAction(e -> vm.rebuild());
        file.setItems(vm.files());
        file.valueProperty().bindBidirectional(vm.selectedFileProperty());
        chunks.setItems(vm.chunks());
        histogram.show(vm.histogramProperty().get());
        vm.histogramProperty().addListener((obs, old, h) -> histogram.show(h));
    }

    /**
     * Slider and field both edit one value. They are kept in step by hand, not bound: a slider clamps to its range,
     * and a field's out-of-range value must reach the view model (to be refused there) without the slider's clamp
     * writing back over it.
     */
    private void link(Slider slider, TextField field, IntegerProperty value, Consumer<String> typed) {
        slider.setValue(value.get());
        field.setText(Integer.toString(value.get()));
        slider.valueProperty().addListener((obs, old, v) -> {
            if (!syncing) {
                value.set((int) Math.round(v.doubleValue()));
            }
        });
        field.textProperty().addListener((obs, old, text) -> {
            if (!syncing) {
                typed.accept(text);
            }
        });
        value.addListener((obs, old, v) -> {
            syncing = true;
            try {
                slider.setValue(v.intValue());
                if (!field.getText().strip().equals(Integer.toString(v.intValue()))) {
                    field.setText(Integer.toString(v.intValue()));
                }
            } finally {
                syncing = false;
            }
        });
    }
}
