package dev.athenaeum.gui.document;

import atlantafx.base.theme.Styles;
import dev.athenaeum.gui.theme.MarkedText;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Bounds;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextFlow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A result's source file, rendered from its markdown blocks as JavaFX text (see decision 0009 on why not a
 * WebView), scrolled so the result's block is at the top and marked. A long file is drawn over several frames, a
 * slice of blocks each, so the UI thread keeps drawing while it appears.
 */
public final class DocumentView {

    /** Blocks drawn per frame: a few tens of milliseconds of UI-thread work with software rendering (DocumentUiTest). */
    static final int BLOCKS_PER_FRAME = 80;

    private final DocumentViewModel vm;
    private final VBox root = new VBox();
    private final VBox content = new VBox();
    private final ScrollPane scroll = new ScrollPane(content);
    private final Label title = new Label();
    private final Label location = new Label();
    private final Label status = new Label();
    private final List<Node> blockNodes = new ArrayList<>();
    private List<Block> toDraw = List.of();
    private int targetIndex = -1;
    /** The scroll position last set here; once the reader scrolls elsewhere, slices drawn later leave it alone. */
    private double placedVvalue = Double.NaN;
    private final AnimationTimer drawing = new AnimationTimer() {
        @Override
        public void handle(long now) {
            drawSlice();
        }
    };

    public DocumentView(DocumentViewModel vm) {
        this.vm = vm;
        createView();
        initListeners();
    }

    public Node root() {
        return root;
    }

    private void createView() {
        title.getStyleClass().add(Styles.TITLE_4);
        title.setWrapText(true);
        location.getStyleClass().addAll("muted", Styles.TEXT_SMALL);
        status.getStyleClass().add("muted");
        content.getStyleClass().add("document");
        content.setId("document");
        content.setAccessibleRole(AccessibleRole.TEXT);
        scroll.setFitToWidth(true);
        scroll.setAccessibleText("Source document");
        VBox header = new VBox(2, title, location, status);
        header.getStyleClass().add("panel");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        root.getChildren().addAll(header, scroll);
    }

    private void initListeners() {
        title.textProperty().bind(vm.titleProperty());
        location.textProperty().bind(vm.locationProperty());
        status.textProperty().bind(vm.statusProperty());
        status.managedProperty().bind(status.textProperty().isNotEmpty());
        vm.blocks().addListener((ListChangeListener<Block>) c -> render());
        vm.targetProperty().addListener((obs, old, index) -> showTarget(index.intValue()));
    }

    private void render() {
        drawing.stop();
        blockNodes.clear();
        content.getChildren().clear();
        toDraw = List.copyOf(vm.blocks());
        placedVvalue = Double.NaN;
        scroll.setVvalue(0);
        drawSlice();
        if (blockNodes.size() < toDraw.size()) {
            drawing.start();
        }
    }

    private void drawSlice() {
        int from = blockNodes.size();
        int to = Math.min(toDraw.size(), from + BLOCKS_PER_FRAME);
        boolean keepPlace = !Double.isNaN(placedVvalue) && scroll.getVvalue() == placedVvalue;
        double offset = scroll.getVvalue() * scrollRange();
        List<Node> slice = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            slice.add(node(toDraw.get(i)));
        }
        blockNodes.addAll(slice);
        content.getChildren().addAll(slice);
        if (to == toDraw.size()) {
            drawing.stop();
        }
        if (targetIndex >= from && targetIndex < to) {
            showTarget(targetIndex);
        } else if (keepPlace) {
            // Blocks added below the target would otherwise move it: the scroll position is a share of the height.
            content.applyCss();
            content.layout();
            place(offset);
        }
    }

    private void showTarget(int index) {
        targetIndex = index;
        blockNodes.forEach(n -> n.getStyleClass().remove("target"));
        if (index < 0 || index >= blockNodes.size()) {
            // Not drawn yet: drawSlice comes back here when it is.
            return;
        }
        Node target = blockNodes.get(index);
        target.getStyleClass().add("target");
        // Positions are known only after the next layout pass.
        Platform.runLater(() -> {
            content.applyCss();
            content.layout();
            Bounds b = target.getBoundsInParent();
            place(b.getMinY() - 8);
        });
    }

    /** Scrolls so that {@code y} (in the content) is at the top of the view, as far as the content allows. */
    private void place(double y) {
        double range = scrollRange();
        scroll.setVvalue(range <= 0 ? 0 : Math.min(1, Math.max(0, y / range)));
        placedVvalue = scroll.getVvalue();
    }

    private double scrollRange() {
        return content.getHeight() - scroll.getViewportBounds().getHeight();
    }

    private static Node node(Block b) {
        String kind = b.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
        if (b.kind() == Block.Kind.RULE) {
            Region rule = new Region();
            rule.setPrefHeight(1);
            rule.setMinHeight(1);
            rule.getStyleClass().add("rule");
            return rule;
        }
        TextFlow text = MarkedText.flow(b.text(), b.marks());
        Node node = text;
        if (b.kind() == Block.Kind.LIST_ITEM) {
            Label marker = new Label(b.marker());
            marker.setMinWidth(Region.USE_PREF_SIZE);
            HBox item = new HBox(6, marker, text);
            item.setStyle("-fx-padding: 0 0 0 " + (b.level() * 18) + ";");
            node = item;
        }
        node.getStyleClass().addAll("block", kind);
        if (b.kind() == Block.Kind.HEADING) {
            node.getStyleClass().add("h" + Math.min(4, b.level()));
            node.setAccessibleRole(AccessibleRole.TEXT);
            node.setAccessibleRoleDescription("heading level " + b.level());
        }
        return node;
    }
}
