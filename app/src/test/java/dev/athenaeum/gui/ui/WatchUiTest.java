package dev.athenaeum.gui.ui;

import dev.athenaeum.app.Home;
import dev.athenaeum.gui.GuiFixtures;
import dev.athenaeum.gui.WorkbenchWindow;
import dev.athenaeum.gui.workspace.WorkbenchStore;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** A file edited in a watched source folder: the banner offers the update, which embeds only that file. */
class WatchUiTest extends WindowTest {

    @Test
    void anEditedFileRaisesTheBannerAndUpdateIndexEmbedsIt(FxRobot robot) throws Exception {
        Path home = GuiFixtures.home(dir.resolve("home"));
        Path notes = GuiFixtures.guideCopy(dir.resolve("notes"), List.of("faq.md", "privacy.md"));
        WorkbenchStore store = new WorkbenchStore(dir.resolve("store"));
        store.saveSettings(new WorkbenchStore.Settings(List.of(), false, true));
        robot.interact(() -> window = WorkbenchWindow.open(stage, store, new Home(home), (o, t) -> Optional.of(notes), null));
        waitUntil(10, () -> robot.lookup("#newKnowledgeBase").tryQuery().isPresent());
        robot.clickOn("#newKnowledgeBase");
        waitUntil(10, () -> robot.lookup("#build").tryQuery().map(b -> !b.isDisabled()).orElse(false));
        robot.clickOn("#build");
        Label summary = robot.lookup("#buildSummary").queryAs(Label.class);
        waitUntil(60, () -> summary.getText().startsWith("Indexed 2 files"));
        HBox banner = robot.lookup("#changeBanner").queryAs(HBox.class);
        assertThat(banner.isVisible()).isFalse();

        Files.writeString(notes.resolve("faq.md"), "\n## Added later\n\nThe workbench noticed this paragraph.\n",
                StandardOpenOption.APPEND);

        waitUntil(20, banner::isVisible);
        assertThat(robot.lookup("#changeBannerText").queryAs(Label.class).getText()).isEqualTo("1 file changed —");
        Screenshots.save(stage.getScene(), "change-banner-light");
        robot.clickOn("#updateIndex");
        waitUntil(60, () -> summary.getText().startsWith("Indexed 2 files") && summary.getText().contains("1 new or changed, 1 unchanged"));
        assertThat(banner.isVisible()).isFalse();
        assertThat(window.viewModel().currentProperty().get().build().lastReportProperty().get().filesEmbedded()).isEqualTo(1);
        assertThat(window.errors().reported()).isEmpty();
    }

    private static void waitUntil(int seconds, BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
    }
}
