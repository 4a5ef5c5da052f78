package dev.athenaeum.gui.chat;

import atlantafx.base.theme.Styles;
import dev.athenaeum.chat.ChatProvider;
import javafx.animation.AnimationTimer;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The chat: provider and model, the conversation with rendered answers and clickable citations, the question box.
 * Ctrl+Enter sends, Ctrl+N starts a new chat, Escape stops the answer.
 */
public final class ChatView {

    public static final KeyCombination SEND = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination NEW_CHAT = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);

    private final ChatViewModel vm;
    private final VBox root = new VBox();
    private final ComboBox<ChatProvider> provider = new ComboBox<>(FXCollections.observableArrayList(ChatProvider.values()));
    private final ComboBox<String> model = new ComboBox<>();
    private final Button refresh = new Button("Refresh");
    private final Button newChat = new Button("New chat");
    private final Button copy = new Button("Copy answer");
    private final Label error = new Label();
    private final Label status = new Label();
    private final VBox conversation = new VBox(16);
    private final VBox pending = new VBox(6);
    private final VBox stableBlocks = new VBox(6);
    private final VBox tailBlocks = new VBox(6);
    private final VBox pendingSourceLinks = new VBox(0);
    private String pendingQuestion;
    private String pendingStable = "";
    private boolean pendingDirty;
    private final AnimationTimer perFrame = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (pendingDirty) {
                pendingDirty = false;
                renderPending();
            }
        }
    };
    private final ScrollPane scroll = new ScrollPane(conversation);
    private final TextArea question = new TextArea();
    private final Button send = new Button("Send");
    private final Button stop = new Button("Stop");

    public ChatView(ChatViewModel vm) {
        this.vm = vm;
        createView();
        initListeners();
        renderExchanges();
    }

    public Node root() {
        return root;
    }

    public void focusQuestion() {
        question.requestFocus();
    }

    private void createView() {
        provider.setId("chatProvider");
        provider.setAccessibleText("Who writes the answers");
        provider.setConverter(new StringConverter<>() {
            @Override
            public String toString(ChatProvider p) {
                return p == null ? "" : switch (p) {
                    case NONE -> "None (passages only)";
                    case OLLAMA -> "Ollama";
                    case OPENAI -> "OpenAI";
                };
            }

            @Override
            public ChatProvider fromString(String s) {
                return ChatProvider.parse(s);
            }
        });
        // Wide enough for the longest provider label and for model names such as "llama3.1:70b-instruct-q4".
        provider.setPrefWidth(160);
        provider.setMinWidth(Region.USE_PREF_SIZE);
        model.setId("chatModel");
        model.setPrefWidth(260);
        model.setMinWidth(180);
        model.setEditable(true);
        model.setAccessibleText("Chat model");
        model.setPromptText("model");
        refresh.setAccessibleText("List the provider's models again");
        newChat.setId("newChat");
        newChat.setAccessibleText("New chat (Ctrl+N)");
        newChat.setTooltip(new Tooltip("Forget this conversation (Ctrl+N)"));
        copy.setId("copyAnswer");
        copy.setAccessibleText("Copy the last answer");
        // Wraps onto a second line in a narrow pane: a row wider than the pane would widen the whole tab and push
        // the Send button out of sight.
        FlowPane top = new FlowPane(8, 6, provider, model, refresh, copy, newChat);
        top.getStyleClass().add("panel");

        error.setId("chatError");
        error.setWrapText(true);
        error.getStyleClass().add(Styles.DANGER);
        error.setAccessibleText("Chat problem");
        status.setId("chatStatus");
        status.getStyleClass().add("muted");

        conversation.setId("conversation");
        conversation.getStyleClass().add("panel");
        pending.setId("pendingAnswer");
        scroll.setFitToWidth(true);
        scroll.setAccessibleText("Conversation");
        VBox.setVgrow(scroll, Priority.ALWAYS);

        question.setId("question");
        question.setPromptText("Ask the knowledge base (Ctrl+Enter sends)");
        question.setAccessibleText("Question");
        question.setWrapText(true);
        question.setPrefRowCount(3);
        HBox.setHgrow(question, Priority.ALWAYS);
        send.setId("send");
        send.setAccessibleText("Send the question (Ctrl+Enter)");
        send.getStyleClass().add(Styles.ACCENT);
        stop.setId("stop");
        stop.setAccessibleText("Stop the answer (Escape)");
        VBox buttons = new VBox(6, send, stop);
        HBox ask = new HBox(8, question, buttons);
        ask.getStyleClass().add("panel");
        VBox messages = new VBox(4, error, status);
        messages.setStyle("-fx-padding: 0 12 0 12;");
        // Buttons keep their labels when the pane is narrow; the question box and model picker give way instead.
        for (Button b : List.of(refresh, newChat, copy, send, stop)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        root.getChildren().addAll(top, messages, scroll, ask);
        root.setId("chat");
    }

    private void initListeners() {
        provider.valueProperty().bindBidirectional(vm.providerProperty());
        provider.setOnAction(e -> vm.chooseProvider(provider.getValue()));
        model.setItems(vm.models());
        model.valueProperty().bindBidirectional(vm.modelProperty());
        model.setOnAction(e -> vm.chooseModel(model.getValue()));
        model.disableProperty().bind(vm.providerProperty().isEqualTo(ChatProvider.NONE));
        refresh.disableProperty().bind(model.disableProperty());
        refresh.setOnAction(e -> vm.refreshModels());
        error.textProperty().bind(vm.errorProperty());
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.visibleProperty().bind(error.managedProperty());
        status.textProperty().bind(vm.statusProperty());
        question.textProperty().bindBidirectional(vm.questionProperty());
        send.setOnAction(e -> vm.send());
        send.disableProperty().bind(vm.busyProperty());
        stop.setOnAction(e -> vm.stop());
        stop.disableProperty().bind(vm.busyProperty().not());
        newChat.setOnAction(e -> vm.newChat());
        copy.setOnAction(e -> copyAnswer());
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (SEND.match(e)) {
                vm.send();
                e.consume();
            } else if (NEW_CHAT.match(e)) {
                vm.newChat();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE && vm.busyProperty().get()) {
                vm.stop();
                e.consume();
            }
        });
        vm.exchanges().addListener((ListChangeListener<Exchange>) this::exchangesChanged);
        vm.pendingQuestionProperty().addListener((o, a, b) -> renderPending());
        // The streaming text may change many times between two frames; it is drawn once per frame.
        vm.pendingAnswerProperty().addListener((o, a, b) -> pendingDirty = true);
        vm.busyProperty().addListener((o, was, busy) -> {
            if (busy) {
                perFrame.start();
            } else {
                perFrame.stop();
            }
        });
        vm.pendingSources().addListener((ListChangeListener<SourceRef>) c -> renderPendingSources());
    }

    private void copyAnswer() {
        ClipboardContent content = new ClipboardContent();
        content.putString(vm.lastAnswer());
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** A new answer is appended on its own; anything else (a new chat) renders the conversation again. */
    private void exchangesChanged(ListChangeListener.Change<? extends Exchange> c) {
        while (c.next()) {
            if (!c.wasAdded() || c.wasRemoved() || c.getFrom() != conversation.getChildren().size() - 1) {
                renderExchanges();
                return;
            }
            for (Exchange e : c.getAddedSubList()) {
                conversation.getChildren().add(conversation.getChildren().size() - 1, exchangeNode(e));
            }
        }
        scroll.setVvalue(1);
    }

    private Node exchangeNode(Exchange e) {
        return exchange(e.question(), e.answer(), e.sources(), e.cited(), e.stopped(), n -> vm.openSource(e, n));
    }

    private void renderExchanges() {
        conversation.getChildren().clear();
        for (Exchange e : vm.exchanges()) {
            conversation.getChildren().add(exchangeNode(e));
        }
        conversation.getChildren().add(pending);
        renderPending();
        scroll.setVvalue(1);
    }

    /**
     * Called at most once per hand-over of the streaming text (see {@link ChatViewModel}). Paragraphs that are
     * complete (followed by a blank line) are rendered once and kept; only the paragraph being written is redone,
     * so a long answer costs the UI thread the same per update at its end as at its start.
     */
    private void renderPending() {
        String q = vm.pendingQuestionProperty().get();
        String text = vm.pendingAnswerProperty().get();
        if (q == null || q.isEmpty()) {
            pending.getChildren().clear();
            pendingQuestion = null;
            return;
        }
        if (!q.equals(pendingQuestion) || !text.startsWith(pendingStable)) {
            pendingQuestion = q;
            pendingStable = "";
            stableBlocks.getChildren().clear();
            Label asked = new Label(q);
            asked.setWrapText(true);
            asked.getStyleClass().addAll("chat-question", Styles.TEXT_BOLD);
            pending.getChildren().setAll(asked, stableBlocks, tailBlocks, pendingSourceLinks);
        }
        List<SourceRef> sources = List.copyOf(vm.pendingSources());
        java.util.function.IntPredicate exists = n -> sources.stream().anyMatch(s -> s.number() == n);
        java.util.function.IntConsumer open = n -> vm.openSource(
                new Exchange(q, vm.pendingAnswerProperty().get(), "", sources, false), n);
        int boundary = text.lastIndexOf("\n\n");
        if (boundary > pendingStable.length()) {
            stableBlocks.getChildren().addAll(List.copyOf(
                    AnswerText.render(text.substring(pendingStable.length(), boundary), open, exists).getChildren()));
            pendingStable = text.substring(0, boundary);
        }
        tailBlocks.getChildren().setAll(List.copyOf(AnswerText.render(
                AnswerText.closeOpen(text.substring(pendingStable.length())), open, exists).getChildren()));
        scroll.setVvalue(1);
    }

    private void renderPendingSources() {
        List<SourceRef> sources = List.copyOf(vm.pendingSources());
        pendingSourceLinks.getChildren().setAll(sourceLinks(sources, Set.of(), n -> vm.openSource(
                new Exchange(vm.pendingQuestionProperty().get(), "", "", sources, false), n)).getChildren());
        pendingStable = "\u0000";
        renderPending();
    }

    private static Node exchange(String q, String answer, List<SourceRef> sources, Set<Integer> cited, boolean stopped,
                                 java.util.function.IntConsumer open) {
        Label asked = new Label(q);
        asked.setWrapText(true);
        asked.getStyleClass().addAll("chat-question", Styles.TEXT_BOLD);
        VBox box = new VBox(6, asked,
                AnswerText.render(answer, open, n -> sources.stream().anyMatch(s -> s.number() == n)));
        box.getStyleClass().add("chat-exchange");
        if (stopped) {
            Label note = new Label("Stopped");
            note.getStyleClass().add("muted");
            box.getChildren().add(note);
        }
        if (!sources.isEmpty()) {
            box.getChildren().add(sourceLinks(sources, cited, open));
        }
        return box;
    }

    private static VBox sourceLinks(List<SourceRef> sources, Set<Integer> cited, java.util.function.IntConsumer open) {
        VBox list = new VBox(0);
        list.getStyleClass().add("chat-sources");
        for (SourceRef s : sources) {
            Hyperlink link = new Hyperlink(s.label());
            link.getStyleClass().addAll("source-link", Styles.TEXT_SMALL);
            if (cited.contains(s.number())) {
                link.getStyleClass().add(Styles.TEXT_BOLD);
            }
            link.setAccessibleText("Open source " + s.number() + ": " + s.file().toLowerCase(Locale.ROOT));
            link.setOnAction(e -> open.accept(s.number()));
            list.getChildren().add(link);
        }
        return list;
    }
}
