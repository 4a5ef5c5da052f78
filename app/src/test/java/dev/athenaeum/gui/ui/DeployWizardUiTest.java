package dev.athenaeum.gui.ui;

import dev.athenaeum.deploy.image.ImageSource;
import dev.athenaeum.deploy.image.LocalRegistry;
import dev.athenaeum.gui.KnowledgeBaseViewModel;
import dev.athenaeum.gui.deploy.MotoEnvironment;
import dev.athenaeum.gui.deploy.WizardStep;
import dev.athenaeum.server.lambda.MotoServer;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import java.util.Optional;

import static dev.athenaeum.gui.ui.OpenKnowledgeBase.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deploy tab driven through every page against moto (images to a real registry on loopback): a deployment whose
 * image cannot be built fails on its step, a cancel on the review page creates nothing, a deployment with a given
 * image completes, and the deployed knowledge base is destroyed from the same page.
 */
class DeployWizardUiTest extends WindowTest {

    private static final String IMAGE = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/athenaeum@sha256:" + "cd".repeat(32);

    @Test
    void everyPageAFailureACancelADeploymentAndDestroy(FxRobot robot) throws Exception {
        try (MotoServer moto = MotoServer.start(); LocalRegistry registry = LocalRegistry.start()) {
            window = OpenKnowledgeBase.open(robot, stage, dir, null);
            KnowledgeBaseViewModel kb = window.viewModel().currentProperty().get();
            ImageSource missingBase = new ImageSource(registry.host() + "/no-such-base:1", Optional.of(registry.host()));
            robot.interact(() -> kb.deploy().useEnvironment(new MotoEnvironment(moto, missingBase, Optional.empty())));
            OpenKnowledgeBase.selectTab(robot, "deployTab");
            Label error = robot.lookup("#deployError").queryAs(Label.class);

            robot.clickOn("#deployCheck");
            Label identity = robot.lookup("#deployIdentity").queryAs(Label.class);
            waitUntil(30, () -> identity.getText().startsWith("Account 123456789012"));
            robot.clickOn("#deployNext");
            waitUntil(10, () -> robot.lookup("#deployName").tryQuery().isPresent());
            assertThat(robot.lookup("#deployName").queryAs(TextField.class).getText()).isEqualTo("notes");
            robot.clickOn("#deployNext");
            waitUntil(30, () -> kb.deploy().stepProperty().get() == WizardStep.COST);
            assertThat(robot.lookup("#deployCost").queryAs(TextArea.class).getText()).contains("total about $");
            robot.clickOn("#deployNext");
            waitUntil(60, () -> kb.deploy().stepProperty().get() == WizardStep.REVIEW);
            assertThat(robot.lookup("#deployReview").queryAs(TextArea.class).getText())
                    .contains("Create stack athenaeum-notes-dev");
            Screenshots.save(stage.getScene(), "deploy-wizard-review-light");

            robot.clickOn("#deployNext");
            waitUntil(120, () -> error.getText().startsWith("cannot build or push the server image"));
            assertThat(robot.lookup("#deploySteps").queryListView().getItems()).anySatisfy(
                    r -> assertThat(r.toString()).startsWith("✗ provide the server image"));

            robot.clickOn("#deployCancel");
            waitUntil(10, () -> kb.deploy().stepProperty().get() == WizardStep.ACCOUNT);
            robot.clickOn("#deployNext");
            waitUntil(10, () -> robot.lookup("#deployImage").tryQuery().isPresent());
            TextField image = robot.lookup("#deployImage").queryAs(TextField.class);
            robot.interact(() -> image.setText(IMAGE));
            robot.clickOn("#deployNext");
            waitUntil(30, () -> kb.deploy().stepProperty().get() == WizardStep.COST);
            robot.clickOn("#deployNext");
            waitUntil(60, () -> kb.deploy().stepProperty().get() == WizardStep.REVIEW);
            robot.clickOn("#deployCancel");
            waitUntil(10, () -> kb.deploy().stepProperty().get() == WizardStep.ACCOUNT);
            assertThat(kb.deploy().deployedProperty().get()).as("nothing deployed by a cancel").isNull();

            robot.clickOn("#deployNext");
            robot.clickOn("#deployNext");
            waitUntil(30, () -> kb.deploy().stepProperty().get() == WizardStep.COST);
            robot.clickOn("#deployNext");
            waitUntil(60, () -> kb.deploy().stepProperty().get() == WizardStep.REVIEW);
            robot.clickOn("#deployNext");
            waitUntil(120, () -> kb.deploy().stepProperty().get() == WizardStep.DONE);
            TextArea result = robot.lookup("#deployResult").queryAs(TextArea.class);
            assertThat(result.getText()).as(error.getText()).contains("Stack athenaeum-notes-dev: CREATE_COMPLETE");
            assertThat(error.getText()).isEmpty();
            assertThat(robot.lookup("#deployDestroy").queryButton().isVisible()).isTrue();
            Screenshots.save(stage.getScene(), "deploy-wizard-light");

            TextField confirm = robot.lookup("#deployConfirm").queryAs(TextField.class);
            robot.interact(() -> confirm.setText("athenaeum-notes-dev"));
            robot.clickOn("#deployDestroy");
            waitUntil(60, () -> result.getText().startsWith("Deleted athenaeum-notes-dev"));
            assertThat(kb.deploy().deployedProperty().get()).isNull();
            assertThat(window.errors().reported()).isEmpty();
        }
    }
}
