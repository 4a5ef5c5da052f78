package dev.athenaeum.gui.search;

import atlantafx.base.theme.Styles;
import dev.athenaeum.search.SearchMode;
import dev.athenaeum.search.SearchRequest;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.Locale;

/** Query field, mode and number of results, and the result list; Enter searches, choosing a result opens it. */
public final class SearchView {

    private final SearchViewModel vm;
    private final VBox root = new VBox();
    private final TextField query = new TextField();
    private final ComboBox<SearchMode> mode = new ComboBox<>(FXCollections.observableArrayList(SearchMode.values()));
    private final Spinner<Integer> topK = new Spinner<>(1, SearchRequest.MAX_TOP_K, SearchViewModel.DEFAULT_TOP_K);
    private final Button search = new Button("Search");
    private final Label status = new Label();
    private final ListView<ResultItem> results = new ListView<>();

    public SearchView(SearchViewModel vm) {
        this.vm = vm;
        createView();
        initListeners();
    }

    public Node root() {
        return root;
    }

    /** For the workbench's Ctrl+F. */
    public void focusQuery() {
        query.requestFocus();
        query.selectAll();
    }

    private void createView() {
        query.setId("query");
        query.setPromptText("Search the knowledge base (Ctrl+F)");
        query.setAccessibleText("Search query");
        HBox.setHgrow(query, Priority.ALWAYS);
        mode.setId("mode");
        mode.setAccessibleText("Search mode");
        mode.setTooltip(new Tooltip("Hybrid: meaning and words. Dense: meaning only. Keyword: words only."));
        mode.setConverter(new StringConverter<>() {
            @Override
            public String toString(SearchMode m) {
                return m == null ? "" : m.id().substring(0, 1).toUpperCase(Locale.ROOT) + m.id().substring(1);
            }

            @Override
            public SearchMode fromString(String s) {
                return SearchMode.parse(s);
            }
        });
        topK.setId("topK");
        topK.setEditable(true);
        topK.setPrefWidth(80);
        topK.setAccessibleText("Number of results");
        topK.setTooltip(new Tooltip("How many results to show"));
        search.setId("search");
        search.getStyleClass().add(Styles.ACCENT);
        search.setDefaultButton(false);
        status.setId("searchStatus");
        status.getStyleClass().add("muted");
        results.setId("results");
        results.setAccessibleText("Search results");
        results.setCellFactory(list -> new ResultCell());
        results.setPlaceholder(new Label("Results appear here."));
        VBox.setVgrow(results, Priority.ALWAYS);
        Label title = new Label("Search");
        title.getStyleClass().add("pane-title");
        Label modeLabel = new Label("Mode");
        modeLabel.setLabelFor(mode);
        Label topKLabel = new Label("Results");
        topKLabel.setLabelFor(topK);
        HBox options = new HBox(8, modeLabel, mode, topKLabel, topK);
        options.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(8, title, new HBox(8, query, search), options, status);
        top.getStyleClass().add("panel");
        root.getChildren().addAll(top, results);
    }

    private void initListeners() {
        query.textProperty().bindBidirectional(vm.queryProperty());
        mode.valueProperty().bindBidirectional(vm.modeProperty());
        topK.getValueFactory().valueProperty().addListener((obs, old, k) -> vm.topKProperty().set(k));
        status.textProperty().bind(vm.statusProperty());
        results.setItems(vm.results());
        query.setOnAction(e -> vm.search());
        search.setOnAction(e -> vm.search());
        search.disableProperty().bind(vm.searchingProperty());
        results.setOnMouseClicked(e -> vm.open(results.getSelectionModel().getSelectedItem()));
        results.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                vm.open(results.getSelectionModel().getSelectedItem());
            }
        });
    }
}
