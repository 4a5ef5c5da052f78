package dev.athenaeum.gui.tuning;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import java.io.File;
import java.util.function.BiConsumer;

/** Test questions in an editable table, recall for the last build and the current settings, ranks per question. */
final class TestQuestionsView {

    private final TestQuestionsViewModel vm;
    private final VBox root = new VBox(8);
    private final TextField question = new TextField();
    private final TextField answer = new TextField();
    private final Button add = new Button("Add");
    private final Button importButton = new Button("Import…");
    private final Button remove = new Button("Remove");
    private final ChoiceBox<Integer> k = new ChoiceBox<>();
    private final Button evaluate = new Button("Measure");
    private final Button cancel = new Button("Cancel");
    private final Label error = new Label();
    private final Label lastTitle = new Label();
    private final Label lastScore = new Label();
    private final Label currentTitle = new Label();
    private final Label currentScore = new Label();
    private final Label status = new Label();
    private final TableView<QuestionRow> table = new TableView<>();

    TestQuestionsView(TestQuestionsViewModel vm) {
        this.vm = vm;
        createView();
        initListeners();
    }

    Node root() {
        return root;
    }

    private void createView() {
        Label title = new Label("Test questions");
        title.getStyleClass().add("pane-title");
        question.setId("newQuestion");
        question.setPromptText("A question the knowledge base should answer");
        question.setAccessibleText("New test question");
        answer.setId("newAnswer");
        answer.setPromptText("file.md or file.md#Section");
        answer.setAccessibleText("File or section that answers it");
        HBox.setHgrow(question, Priority.ALWAYS);
        add.setId("addQuestion");
        importButton.setId("importQuestions");
        remove.setId("removeQuestion");
        error.setId("questionError");
        error.getStyleClass().add("inline-error");
        error.setWrapText(true);
        k.setId("recallK");
        k.getItems().addAll(1, 3, 5, 10);
        k.setAccessibleText("Results counted for recall");
        evaluate.setId("evaluateQuestions");
        cancel.setId("cancelEvaluation");
        lastScore.setId("lastScore");
        currentScore.setId("currentScore");
        lastScore.getStyleClass().add("score");
        currentScore.getStyleClass().add("score");
        lastTitle.getStyleClass().add("muted");
        currentTitle.getStyleClass().add("muted");
        status.setId("questionStatus");
        status.getStyleClass().add("muted");
        status.setWrapText(true);
        table.setId("questions");
        table.setEditable(true);
        table.setPlaceholder(new Label("Add questions with the file or section that answers them"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(editable("Question", QuestionRow::question, (row, v) -> vm.edit(row, v, answerOf(row))));
        table.getColumns().add(editable("Answered in", QuestionRow::answer, (row, v) -> vm.edit(row, questionOf(row), v)));
        table.getColumns().add(rank("lastRankColumn", true));
        table.getColumns().add(rank("currentRankColumn", false));
        TableColumn<QuestionRow, String> note = new TableColumn<>("Note");
        note.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().note() == null ? "" : c.getValue().note()));
        table.getColumns().add(note);
        VBox.setVgrow(table, Priority.ALWAYS);
        HBox scores = new HBox(16, new VBox(lastTitle, lastScore), new VBox(currentTitle, currentScore));
        HBox measure = new HBox(8, new Label("Recall at"), k, evaluate, cancel);
        measure.setAlignment(Pos.CENTER_LEFT);
        root.getChildren().addAll(title, new HBox(8, question, answer, add), error,
                new HBox(8, importButton, remove), measure, scores, status, table);
    }

    private String answerOf(int row) {
        return vm.rows().get(row).answer();
    }

    private String questionOf(int row) {
        return vm.rows().get(row).question();
    }

    private TableColumn<QuestionRow, String> editable(String name, java.util.function.Function<QuestionRow, String> value,
                                                      BiConsumer<Integer, String> edit) {
        TableColumn<QuestionRow, String> column = new TableColumn<>(name);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setCellFactory(TextFieldTableCell.forTableColumn());
        column.setOnEditCommit(e -> edit.accept(e.getTablePosition().getRow(), e.getNewValue()));
        column.setPrefWidth(200);
        return column;
    }

    private TableColumn<QuestionRow, String> rank(String id, boolean last) {
        TableColumn<QuestionRow, String> column = new TableColumn<>();
        column.setId(id);
        column.textProperty().bind(last ? vm.lastTitleProperty() : vm.currentTitleProperty());
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(QuestionRow.rankText(
                last ? c.getValue().lastRank() : c.getValue().currentRank(), vm.kProperty().get())));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                getStyleClass().remove("rank-miss");
                if (!empty && "miss".equals(item)) {
                    getStyleClass().add("rank-miss");
                }
            }
        });
        column.setPrefWidth(130);
        return column;
    }

    private void initListeners() {
        table.setItems(vm.rows());
        add.setOnAction(e -> {
            vm.add(question.getText(), answer.getText());
            question.clear();
        });
        answer.setOnAction(e -> add.fire());
        add.disableProperty().bind(question.textProperty().isEmpty());
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> vm.remove(table.getSelectionModel().getSelectedIndex()));
        importButton.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Import test questions (JSON lines)");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("JSON lines", "*.jsonl", "*.json"));
            File chosen = chooser.showOpenDialog(root.getScene().getWindow());
            if (chosen != null) {
                vm.importFrom(chosen.toPath());
            }
        });
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        k.valueProperty().addListener((obs, old, v) -> {
            if (v != null) {
                vm.kProperty().set(v);
            }
        });
        k.setValue(vm.kProperty().get());
        evaluate.setOnAction(e -> vm.evaluate());
        evaluate.disableProperty().bind(vm.runningProperty().or(Bindings.isEmpty(vm.rows())));
        cancel.visibleProperty().bind(vm.runningProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> vm.cancel());
        lastTitle.textProperty().bind(vm.lastTitleProperty());
        currentTitle.textProperty().bind(vm.currentTitleProperty());
        lastScore.textProperty().bind(vm.lastScoreProperty());
        currentScore.textProperty().bind(vm.currentScoreProperty());
        status.textProperty().bind(vm.statusProperty());
    }
}
