package dev.athenaeum.bench;

import dev.athenaeum.progress.IndexProgress;
import dev.athenaeum.progress.Phase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhaseTimerTest {

    private static IndexProgress event(Phase phase, long done) {
        return new IndexProgress(phase, done, 4, 0, 0, 0, null, null);
    }

    @Test
    void aFullBuildHasEveryStageInOrder() {
        PhaseTimer t = new PhaseTimer();
        t.onProgress(event(Phase.SCANNING, 0));
        t.onProgress(event(Phase.CHUNKING, 0));
        t.onProgress(event(Phase.CHUNKING, 16));
        t.onProgress(event(Phase.EMBEDDING, 0));
        t.onProgress(event(Phase.EMBEDDING, 64));
        for (int step = 0; step <= 4; step++) {
            t.onProgress(event(Phase.WRITING, step));
        }
        t.onProgress(event(Phase.DONE, 1));
        assertThat(t.seconds().keySet()).containsExactlyElementsOf(PhaseTimer.STAGES);
        assertThat(t.seconds().values()).allMatch(s -> s >= 0);
    }

    @Test
    void anUpToDateIndexStopsAfterChunking() {
        PhaseTimer t = new PhaseTimer();
        t.onProgress(event(Phase.SCANNING, 0));
        t.onProgress(event(Phase.CHUNKING, 0));
        t.onProgress(event(Phase.DONE, 1));
        assertThat(t.seconds().keySet()).containsExactly("open + lock", "scan", "chunk, window");
        assertThat(PhaseTimer.describe(t.seconds())).startsWith("open + lock ").contains("scan ", "chunk, window ");
    }
}
