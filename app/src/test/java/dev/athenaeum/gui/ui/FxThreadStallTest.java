package dev.athenaeum.gui.ui;

import dev.athenaeum.app.Home;
import dev.athenaeum.gui.GuiFixtures;
import dev.athenaeum.gui.KnowledgeBaseViewModel;
import dev.athenaeum.gui.WorkbenchWindow;
import dev.athenaeum.gui.workspace.WorkbenchStore;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The UI thread keeps drawing while the whole user guide is indexed: a timer on it measures every gap between two
 * frames from the builder's first step to its end. Between two frames the UI thread may work or wait for a lock for
 * at most 100 ms. A frame over budget must happen again (see {@link FrameGaps#judged}): the guide is then indexed once
 * more, into a new home.
 */
class FxThreadStallTest extends WindowTest {

    /**
     * Frames also wait for cores the build is using and, here, for software rendering: a loose bound that still
     * catches blocking work (a build or model load on the UI thread takes seconds).
     */
    static final long MAX_FRAME_GAP_MILLIS = 1000;

    @Test
    void theUiThreadNeverStallsWhileAnIndexBuilds(FxRobot robot) throws Exception {
        List<String> all;
        try (Stream<Path> files = Files.walk(GuiFixtures.GUIDE)) {
            all = files.filter(f -> f.toString().endsWith(".md")).map(f -> GuiFixtures.GUIDE.relativize(f).toString()).toList();
        }
        AtomicInteger builds = new AtomicInteger();
        FrameGaps gaps = FrameGaps.judged("build stall",
                () -> buildMeasured(robot, dir.resolve("home" + builds.incrementAndGet()), all), g -> g);

        assertThat(window.viewModel().currentProperty().get().build().lastReportProperty().get().files())
                .isEqualTo(all.size());
        assertThat(gaps.frames).as("frames drawn during the build").isGreaterThan(20);
        assertThat(gaps.maxBusyNanos / 1_000_000).as("most UI-thread work between two frames, ms")
                .isLessThan(FrameGaps.MAX_STALL_MILLIS);
        assertThat(gaps.maxBlockedMillis).as("longest UI-thread wait for a lock between two frames, ms")
                .isLessThan(FrameGaps.MAX_STALL_MILLIS);
        assertThat(gaps.maxWallNanos / 1_000_000).as("longest time between two frames, ms").isLessThan(MAX_FRAME_GAP_MILLIS);
        assertThat(window.errors().reported()).isEmpty();
    }

    /** Opens the workbench on a new home with the guide in it, which builds its index, and measures that build. */
    private FrameGaps buildMeasured(FxRobot robot, Path home, List<String> guideFiles) throws Exception {
        GuiFixtures.guideCopy(home.resolve("samples").resolve("guide"), guideFiles);
        BooleanSupplier running = () -> {
            KnowledgeBaseViewModel kb = window.viewModel().currentProperty().get();
            return kb != null && kb.build().runningProperty().get();
        };
        // From the builder's first step: while the model loads, the new screen's first layout (styles, skins,
        // class loading) also falls on the UI thread, once, and is not the build's doing.
        FrameGaps gaps = new FrameGaps(running,
                () -> !window.viewModel().currentProperty().get().build().phaseProperty().get().startsWith("Loading"));
        robot.interact(() -> {
            if (window != null) {
                window.close();
            }
            window = WorkbenchWindow.open(stage, new WorkbenchStore(home.resolveSibling(home.getFileName() + "-store")),
                    new Home(home), (owner, title) -> Optional.empty(), null);
            gaps.start();
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> gaps.started);
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> gaps.ended);
        robot.interact(gaps::stop);
        return gaps;
    }
}
