package dev.athenaeum.gui;

import dev.athenaeum.gui.build.BuildView;
import dev.athenaeum.gui.document.DocumentView;
import dev.athenaeum.gui.search.SearchView;
import dev.athenaeum.gui.tuning.TuningView;
import dev.athenaeum.gui.watch.WatchView;
import dev.athenaeum.gui.workspace.FolderChooser;
import dev.athenaeum.gui.workspace.SourcesView;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/**
 * An open knowledge base: sources and index on the left; beside them search with the opened source, or chunk
 * tuning; a banner on top when source files changed.
 */
public final class KnowledgeBaseView {

    private final BorderPane root = new BorderPane();
    private final SearchView search;

    public KnowledgeBaseView(KnowledgeBaseViewModel vm, FolderChooser chooser) {
        SourcesView sources = new SourcesView(vm.sources(), chooser);
        BuildView build = new BuildView(vm.build(), vm.canBuild());
        this.search = new SearchView(vm.search());
        DocumentView document = new DocumentView(vm.document());
        WatchView watch = new WatchView(vm.watch());
        VBox watching = new VBox(watch.setting());
        watching.getStyleClass().add("panel");
        ScrollPane side = new ScrollPane(new VBox(sources.root(), new Separator(), build.root(), watching));
        side.setFitToWidth(true);
        side.setMinWidth(260);
        SplitPane searching = new SplitPane(search.root(), document.root());
        searching.setDividerPositions(0.46);
        Tab searchTab = new Tab("Search", searching);
        Tab tuningTab = new Tab("Tune chunking", new TuningView(vm.tuning(), vm.questions()).root());
        tuningTab.setId("tuningTab");
        tuningTab.setOnSelectionChanged(e -> vm.tuning().start());
        TabPane tabs = new TabPane(searchTab, tuningTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        SplitPane split = new SplitPane(side, tabs);
        split.setDividerPositions(0.22);
        root.setTop(watch.banner());
        root.setCenter(split);
        root.setId("knowledgeBase");
    }

    public Node root() {
        return root;
    }

    public void focusSearch() {
        search.focusQuery();
    }
}
