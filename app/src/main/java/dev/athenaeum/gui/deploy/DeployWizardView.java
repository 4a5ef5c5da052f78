package dev.athenaeum.gui.deploy;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.EnumMap;
import java.util.Map;

/** The deploy wizard's page: which step, the step itself, and Back / Next / Cancel. */
public final class DeployWizardView {

    private final DeployWizardViewModel vm;
    private final BorderPane root = new BorderPane();
    private final HBox header = new HBox(6);
    private final Map<WizardStep, Label> crumbs = new EnumMap<>(WizardStep.class);
    private final Map<WizardStep, Node> pages = new EnumMap<>(WizardStep.class);
    private final Label error = new Label();
    private final Label status = new Label();
    private final Button back = new Button("Back");
    private final Button next = new Button("Next");
    private final Button cancel = new Button("Cancel");
    private final Button copy = new Button("Copy");
    private final Button updateIndex = new Button("Update index");
    private final Button updateStack = new Button("Update stack…");
    private final Button destroy = new Button("Destroy…");
    private final TextField confirm = new TextField();
    private final HBox deployedBar = new HBox(8);

    public DeployWizardView(DeployWizardViewModel vm) {
        this.vm = vm;
        createView();
        initListeners();
    }

    public Node root() {
        return root;
    }

    private void createView() {
        Label title = new Label("Deploy to AWS");
        title.getStyleClass().add(Styles.TITLE_4);
        for (WizardStep s : WizardStep.values()) {
            Label crumb = new Label((s.ordinal() + 1) + " " + s.title());
            crumb.getStyleClass().add("muted");
            crumbs.put(s, crumb);
            header.getChildren().add(crumb);
        }
        pages.put(WizardStep.ACCOUNT, new AccountPage(vm).root());
        pages.put(WizardStep.SETTINGS, new SettingsPage(vm.settings()).root());
        pages.put(WizardStep.COST, text("deployCost", "Estimated monthly cost", vm.costProperty()));
        pages.put(WizardStep.REVIEW, text("deployReview", "What the deployment will change", vm.reviewProperty()));
        pages.put(WizardStep.DEPLOY, new ProgressPage(vm.progress()).root());
        pages.put(WizardStep.DONE, done());
        error.setId("deployError");
        error.setWrapText(true);
        error.getStyleClass().add(Styles.DANGER);
        status.setId("deployStatus");
        status.getStyleClass().add("muted");
        back.setId("deployBack");
        next.setId("deployNext");
        next.getStyleClass().add(Styles.ACCENT);
        cancel.setId("deployCancel");
        cancel.setAccessibleText("Cancel: stops what runs, or starts over; nothing is created before deploying");
        updateIndex.setId("deployUpdateIndex");
        updateStack.setId("deployUpdateStack");
        destroy.setId("deployDestroy");
        destroy.getStyleClass().add(Styles.DANGER);
        confirm.setId("deployConfirm");
        confirm.setPromptText("type the stack's name to destroy it");
        Label deployedLabel = new Label();
        deployedLabel.textProperty().bind(Bindings.createStringBinding(() -> vm.deployedProperty().get() == null ? ""
                : "Deployed as " + vm.deployedProperty().get().stackName() + ":", vm.deployedProperty()));
        deployedBar.getChildren().addAll(deployedLabel, updateIndex, updateStack, confirm, destroy);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox buttons = new HBox(8, status, grow, cancel, back, next);
        VBox top = new VBox(8, title, header, deployedBar);
        root.setTop(top);
        root.setBottom(new VBox(6, error, buttons));
        root.getStyleClass().add("panel");
        root.setId("deployWizard");
    }

    private Node text(String id, String label, javafx.beans.property.StringProperty value) {
        TextArea area = new TextArea();
        area.setId(id);
        area.setEditable(false);
        area.setWrapText(true);
        area.setAccessibleText(label);
        area.textProperty().bind(value);
        VBox.setVgrow(area, Priority.ALWAYS);
        return new VBox(6, new Label(label), area);
    }

    private Node done() {
        TextArea area = new TextArea();
        area.setId("deployResult");
        area.setEditable(false);
        area.setAccessibleText("Where the deployed API is and how to call it");
        area.textProperty().bind(vm.resultProperty());
        VBox.setVgrow(area, Priority.ALWAYS);
        copy.setId("deployCopy");
        copy.setAccessibleText("Copy the addresses and example requests");
        return new VBox(6, new Label("Deployed"), area, copy);
    }

    private void initListeners() {
        vm.stepProperty().addListener((o, was, now) -> show(now));
        show(vm.stepProperty().get());
        error.textProperty().bind(vm.errorProperty());
        status.textProperty().bind(vm.statusProperty());
        next.textProperty().bind(Bindings.createStringBinding(
                () -> vm.stepProperty().get() == WizardStep.REVIEW ? "Deploy" : "Next", vm.stepProperty()));
        var atEnd = Bindings.createBooleanBinding(() -> vm.stepProperty().get().ordinal() >= WizardStep.DEPLOY.ordinal(),
                vm.stepProperty());
        next.disableProperty().bind(vm.busyProperty().or(atEnd));
        back.disableProperty().bind(vm.busyProperty().or(atEnd)
                .or(vm.stepProperty().isEqualTo(WizardStep.ACCOUNT)));
        cancel.disableProperty().bind(vm.stepProperty().isEqualTo(WizardStep.ACCOUNT).and(vm.busyProperty().not()));
        var notDeployed = vm.deployedProperty().isNull();
        deployedBar.visibleProperty().bind(notDeployed.not());
        deployedBar.managedProperty().bind(notDeployed.not());
        updateIndex.disableProperty().bind(vm.busyProperty());
        updateStack.disableProperty().bind(vm.busyProperty());
        destroy.disableProperty().bind(vm.busyProperty());
        next.setOnAction(e -> vm.next());
        back.setOnAction(e -> vm.back());
        cancel.setOnAction(e -> vm.cancel());
        updateIndex.setOnAction(e -> vm.updateIndex());
        updateStack.setOnAction(e -> vm.startOver());
        destroy.setOnAction(e -> vm.destroy(confirm.getText()));
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(vm.resultProperty().get());
            Clipboard.getSystemClipboard().setContent(c);
        });
    }

    private void show(WizardStep step) {
        root.setCenter(pages.get(step));
        crumbs.forEach((s, crumb) -> {
            crumb.getStyleClass().removeAll(Styles.ACCENT, Styles.TEXT_BOLD);
            if (s == step) {
                crumb.getStyleClass().addAll(Styles.ACCENT, Styles.TEXT_BOLD);
            }
        });
    }
}
