package dev.athenaeum.gui.watch;

import atlantafx.base.theme.Styles;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

import java.util.Objects;

/**
 * The non-modal banner "3 files changed — Update index" over the knowledge base, and the setting to update by
 * itself instead of asking.
 */
public final class WatchView {

    private static final String STYLESHEET = Objects.requireNonNull(WatchView.class.getResource("watch.css"), "watch.css")
            .toExternalForm();

    private final WatchViewModel vm;
    private final Label text = new Label();
    private final Button update = new Button("Update index");
    private final Button dismiss = new Button("Dismiss");
    private final HBox banner = new HBox(text, update, dismiss);
    private final CheckBox auto = new CheckBox("Update the index by itself when files change");

    public WatchView(WatchViewModel vm) {
        this.vm = vm;
        createView();
        initListeners();
    }

    /** Goes above the knowledge base; takes no room while hidden. */
    public Node banner() {
        return banner;
    }

    /** Goes with the index controls. */
    public Node setting() {
        return auto;
    }

    private void createView() {
        banner.setId("changeBanner");
        banner.getStyleClass().add("change-banner");
        banner.getStylesheets().add(STYLESHEET);
        banner.setAccessibleText("Source files changed");
        text.setId("changeBannerText");
        update.setId("updateIndex");
        update.getStyleClass().add(Styles.ACCENT);
        dismiss.setId("dismissChanges");
        dismiss.getStyleClass().add(Styles.FLAT);
        auto.setId("autoUpdate");
        auto.setWrapText(true);
    }

    private void initListeners() {
        banner.visibleProperty().bind(vm.bannerVisibleProperty());
        banner.managedProperty().bind(banner.visibleProperty());
        text.textProperty().bind(vm.bannerProperty().concat(" —"));
        update.setOnAction(e -> vm.update());
        dismiss.setOnAction(e -> vm.dismiss());
        auto.selectedProperty().bindBidirectional(vm.autoUpdateProperty());
    }
}
