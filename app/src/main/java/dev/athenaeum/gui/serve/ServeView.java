package dev.athenaeum.gui.serve;

import atlantafx.base.theme.Styles;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Start and stop the HTTP API, its URL and an example request to copy. */
public final class ServeView {

    private final ServeViewModel vm;
    private final VBox root = new VBox();
    private final Spinner<Integer> port = new Spinner<>(0, 65535, ServeViewModel.DEFAULT_PORT);
    private final Button start = new Button("Start");
    private final Button stop = new Button("Stop");
    private final Label status = new Label();
    private final TextField url = new TextField();
    private final TextField curl = new TextField();
    private final Button copy = new Button("Copy");

    public ServeView(ServeViewModel vm) {
        this.vm = vm;
        createView();
        initListeners();
    }

    public Node root() {
        return root;
    }

    private void createView() {
        Label title = new Label("Serve the HTTP API");
        title.getStyleClass().add(Styles.TITLE_4);
        Label about = new Label("Other programs on this computer can search and ask this knowledge base while the "
                + "server runs. It stops when the knowledge base or the workbench closes.");
        about.setWrapText(true);
        about.getStyleClass().add("muted");
        port.setId("servePort");
        port.setEditable(true);
        port.setAccessibleText("Port (0 picks a free one)");
        start.setId("serveStart");
        start.setAccessibleText("Start serving");
        start.getStyleClass().add(Styles.ACCENT);
        stop.setId("serveStop");
        stop.setAccessibleText("Stop serving");
        status.setId("serveStatus");
        status.setWrapText(true);
        url.setId("serveUrl");
        url.setEditable(false);
        url.setAccessibleText("Server URL");
        curl.setId("serveCurl");
        curl.setEditable(false);
        curl.setAccessibleText("Example request");
        HBox.setHgrow(curl, Priority.ALWAYS);
        copy.setId("serveCopy");
        copy.setAccessibleText("Copy the example request");
        root.getChildren().addAll(title, about, new HBox(8, new Label("Port"), port, start, stop), status,
                new Label("URL"), url, new Label("Try it"), new HBox(8, curl, copy));
        root.getStyleClass().add("panel");
        root.setId("serve");
    }

    private void initListeners() {
        port.getValueFactory().valueProperty().addListener((o, a, p) -> {
            if (p != null) {
                vm.portProperty().set(p);
            }
        });
        start.setOnAction(e -> vm.start());
        stop.setOnAction(e -> vm.stop());
        start.disableProperty().bind(vm.runningProperty().or(vm.changingProperty()));
        stop.disableProperty().bind(vm.runningProperty().not().or(vm.changingProperty()));
        port.disableProperty().bind(start.disableProperty());
        status.textProperty().bind(vm.statusProperty());
        url.textProperty().bind(vm.urlProperty());
        curl.textProperty().bind(vm.curlProperty());
        copy.disableProperty().bind(vm.runningProperty().not());
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(vm.curlProperty().get());
            Clipboard.getSystemClipboard().setContent(c);
        });
    }
}
