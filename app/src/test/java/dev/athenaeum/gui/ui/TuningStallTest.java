package dev.athenaeum.gui.ui;

import dev.athenaeum.gui.GuiFixtures;
import dev.athenaeum.gui.tuning.ChunkPreview;
import dev.athenaeum.gui.tuning.TuningViewModel;
import javafx.scene.control.Slider;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chunk size slider dragged back and forth over the whole user guide: previews start, are cancelled, replace
 * each other, and the UI thread keeps drawing. Measured like {@link FxThreadStallTest}: the UI thread's own work and
 * its lock waits between two frames stay under 100 ms, and a frame over budget must happen again (see
 * {@link FrameGaps#judged}): the same drag is then done once more.
 */
class TuningStallTest extends WindowTest {

    private static final Logger LOG = LoggerFactory.getLogger(TuningStallTest.class);

    @Test
    void theUiThreadNeverStallsWhileThePreviewRecomputes(FxRobot robot) throws Exception {
        List<String> all;
        try (Stream<Path> files = Files.walk(GuiFixtures.GUIDE)) {
            all = files.filter(f -> f.toString().endsWith(".md")).map(f -> GuiFixtures.GUIDE.relativize(f).toString()).toList();
        }
        Path guide = GuiFixtures.guideCopy(dir.resolve("guide"), all);
        TuningViewModel vm = openOn(robot, guide).tuning();
        OpenKnowledgeBase.selectTab(robot, "tuningTab");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.previewProperty().get() != null);
        AtomicInteger previews = new AtomicInteger();
        robot.interact(() -> vm.previewProperty().addListener((o, a, p) -> previews.incrementAndGet()));
        Slider slider = robot.lookup("#chunkSizeSlider").queryAs(Slider.class);
        FrameGaps gaps = FrameGaps.judged("tuning stall", () -> {
            previews.set(0);
            return dragMeasured(robot, slider, vm);
        }, g -> g);
        LOG.info("tuning stall: {} previews shown, last preview {}", previews.get(), vm.summaryProperty().get());

        assertThat(previews.get()).as("previews shown while dragging").isBetween(2, 60);
        assertThat(gaps.frames).as("frames drawn").isGreaterThan(20);
        assertThat(gaps.maxBusyNanos / 1_000_000).as("most UI-thread work between two frames, ms")
                .isLessThan(FrameGaps.MAX_STALL_MILLIS);
        assertThat(gaps.maxBlockedMillis).as("longest UI-thread wait for a lock between two frames, ms")
                .isLessThan(FrameGaps.MAX_STALL_MILLIS);
        assertThat(gaps.maxWallNanos / 1_000_000).as("longest time between two frames, ms")
                .isLessThan(FxThreadStallTest.MAX_FRAME_GAP_MILLIS);
        assertThat(window.errors().reported()).isEmpty();
    }

    /**
     * Drags the slider back and forth (the same values every time), waits for the last value's preview, and measures
     * the frames meanwhile.
     */
    private static FrameGaps dragMeasured(FxRobot robot, Slider slider, TuningViewModel vm) throws Exception {
        Random random = new Random(7);
        FrameGaps gaps = FrameGaps.always();
        robot.interact(gaps::start);
        int last = 0;
        for (int i = 0; i < 60; i++) {
            int value = 128 + random.nextInt(1400);
            last = value;
            robot.interact(() -> slider.setValue(value));
            // Mostly drag speed, now and then a pause long enough for a preview to finish.
            Thread.sleep(i % 10 == 9 ? 600 : 15 + random.nextInt(60));
        }
        int wanted = last;
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            ChunkPreview p = vm.previewProperty().get();
            return p.settings().chunkSize() == wanted && !vm.computingProperty().get();
        });
        robot.interact(gaps::stop);
        return gaps;
    }
}
