package dev.athenaeum.gui;

import dev.athenaeum.gui.build.BuildView;
import dev.athenaeum.gui.chat.ChatView;
import dev.athenaeum.gui.serve.ServeView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import dev.athenaeum.gui.document.DocumentView;
import dev.athenaeum.gui.search.SearchView;
import dev.athenaeum.gui.workspace.FolderChooser;
import dev.athenaeum.gui.workspace.SourcesView;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.VBox;

/** An open knowledge base: sources and index on the left, search in the middle, the opened source on the right. */
public final class KnowledgeBaseView {

    private final SplitPane root = new SplitPane();
    private final SearchView search;
    private final ChatView chat;
    private final TabPane tabs = new TabPane();

    public KnowledgeBaseView(KnowledgeBaseViewModel vm, FolderChooser chooser) {
        SourcesView sources = new SourcesView(vm.sources(), chooser);
        BuildView build = new BuildView(vm.build(), vm.canBuild());
        this.search = new SearchView(vm.search());
        DocumentView document = new DocumentView(vm.document());
        ScrollPane side = new ScrollPane(new VBox(sources.root(), new Separator(), build.root()));
        side.setFitToWidth(true);
        side.setMinWidth(260);
        this.chat = new ChatView(vm.chat());
        Tab searchTab = new Tab("Search", search.root());
        searchTab.setId("searchTab");
        Tab chatTab = new Tab("Chat", chat.root());
        chatTab.setId("chatTab");
        Tab serveTab = new Tab("Serve", new ServeView(vm.serve()).root());
        serveTab.setId("serveTab");
        tabs.getTabs().addAll(searchTab, chatTab, serveTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("centerTabs");
        root.getItems().addAll(side, tabs, document.root());
        root.setDividerPositions(0.22, 0.58);
        root.setId("knowledgeBase");
    }

    public Node root() {
        return root;
    }

    public void focusSearch() {
        tabs.getSelectionModel().select(0);
        search.focusQuery();
    }
}
