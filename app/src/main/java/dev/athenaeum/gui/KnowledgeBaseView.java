package dev.athenaeum.gui;

import dev.athenaeum.gui.build.BuildView;
import dev.athenaeum.gui.chat.ChatView;
import dev.athenaeum.gui.deploy.DeployWizardView;
import dev.athenaeum.gui.serve.ServeView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
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
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

import java.util.function.Supplier;

/**
 * An open knowledge base: sources and index on the left; in the middle search, chat, serving or chunk tuning;
 * the opened source on the right; a banner on top when source files changed.
 */
public final class KnowledgeBaseView {

    private final BorderPane root = new BorderPane();
    private final SearchView search;
    private final TabPane tabs = new TabPane();

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
        Tab searchTab = new Tab("Search", search.root());
        searchTab.setId("searchTab");
        // The other tabs are built when first shown: the first frame of a knowledge base then costs one tab, not five.
        Tab chatTab = lazyTab("Chat", "chatTab", () -> new ChatView(vm.chat()).root(), () -> { });
        Tab serveTab = lazyTab("Serve", "serveTab", () -> new ServeView(vm.serve()).root(), () -> { });
        Tab tuningTab = lazyTab("Tune chunking", "tuningTab",
                () -> new TuningView(vm.tuning(), vm.questions()).root(), () -> vm.tuning().start());
        // Profiles and an earlier deployment are read when the page is first shown, not with every knowledge base.
        Tab deployTab = lazyTab("Deploy", "deployTab", () -> new DeployWizardView(vm.deploy()).root(),
                () -> vm.deploy().load());
        tabs.getTabs().addAll(searchTab, chatTab, serveTab, tuningTab, deployTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("centerTabs");
        // The opened source stays beside search, chat and serve (results and citations open it); tuning needs the
        // width for its preview and questions.
        SplitPane split = new SplitPane(side, tabs, document.root());
        split.setDividerPositions(0.22, 0.58);
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now == tuningTab || now == deployTab) {
                split.getItems().remove(document.root());
                split.setDividerPositions(0.22);
            } else if (!split.getItems().contains(document.root())) {
                split.getItems().add(document.root());
                split.setDividerPositions(0.22, 0.58);
            }
        });
        root.setTop(watch.banner());
        root.setCenter(split);
        root.setId("knowledgeBase");
    }

    /** A tab whose content is made, and {@code firstShown} run, when it is selected for the first time. */
    private static Tab lazyTab(String title, String id, Supplier<Node> content, Runnable firstShown) {
        Tab tab = new Tab(title);
        tab.setId(id);
        tab.setOnSelectionChanged(e -> {
            if (tab.isSelected() && tab.getContent() == null) {
                tab.setContent(content.get());
                firstShown.run();
            }
        });
        return tab;
    }

    public Node root() {
        return root;
    }

    public void focusSearch() {
        tabs.getSelectionModel().select(0);
        search.focusQuery();
    }
}
