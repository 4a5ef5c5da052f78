package dev.athenaeum.cli;

import dev.athenaeum.progress.IndexProgress;
import dev.athenaeum.progress.Phase;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressBarTest {

    private final StringWriter sink = new StringWriter();
    private long nanos;

    @Test
    void aLineShowsPhaseBarCountsRateAndEta() {
        IndexProgress p = new IndexProgress(Phase.EMBEDDING, 12, 48, 6, 48, 38.24, Duration.ofSeconds(65), null);

        assertThat(ProgressBar.format(p))
                .isEqualTo("Embedding     [######..................] 12/48 chunks  38.2 chunks/s  ETA 01:05");
    }

    @Test
    void unknownRateEtaAndTotalAreLeftOut() {
        assertThat(ProgressBar.format(new IndexProgress(Phase.WRITING, 1, 4, 6, 48, 0, null, null)))
                .isEqualTo("Writing index [######..................] 1/4 steps");
        assertThat(ProgressBar.format(new IndexProgress(Phase.SCANNING, 0, 0, 0, 0, 0, null, null)))
                .isEqualTo("Scanning…");
        assertThat(ProgressBar.format(new IndexProgress(Phase.CHUNKING, 6, 6, 6, 0, 12.5, Duration.ZERO, null)))
                .endsWith("6/6 files  12.5 files/s");
    }

    @Test
    void barFillsInProportion() {
        assertThat(ProgressBar.bar(0, 4)).isEqualTo("[....]");
        assertThat(ProgressBar.bar(0.5, 4)).isEqualTo("[##..]");
        assertThat(ProgressBar.bar(1.7, 4)).isEqualTo("[####]");
    }

    @Test
    void plainOutputWritesAtMostOneLineEveryTwoSecondsPlusPhaseStartsAndEnds() {
        ProgressBar bar = new ProgressBar(new PrintWriter(sink), false, () -> nanos);

        at(0, bar, embedding(1));       // phase change: shown
        at(500, bar, embedding(2));     // too soon
        at(1_999, bar, embedding(3));   // too soon
        at(2_000, bar, embedding(4));   // two seconds later: shown
        at(2_100, bar, embedding(48));  // too soon, but complete: shown
        at(2_150, bar, embedding(48));  // complete again: not repeated
        at(2_200, bar, new IndexProgress(Phase.WRITING, 0, 4, 6, 48, 0, null, null)); // phase change: shown
        at(2_300, bar, new IndexProgress(Phase.DONE, 1, 1, 6, 48, 0, Duration.ZERO, null)); // never shown
        bar.finish();

        assertThat(sink.toString().lines())
                .hasSize(4)
                .satisfiesExactly(
                        l -> assertThat(l).contains(" 1/48 chunks"),
                        l -> assertThat(l).contains(" 4/48 chunks"),
                        l -> assertThat(l).contains("[########################] 48/48 chunks").doesNotContain("ETA"),
                        l -> assertThat(l).startsWith("Writing index"));
        assertThat(sink.toString()).doesNotContain("\r");
    }

    @Test
    void onATerminalOneLineIsRedrawnInPlaceAndClearedAtTheEnd() {
        ProgressBar bar = new ProgressBar(new PrintWriter(sink), true, () -> nanos);

        at(0, bar, new IndexProgress(Phase.CHUNKING, 16, 100, 100, 0, 1234.5, Duration.ofSeconds(1), null));
        at(50, bar, new IndexProgress(Phase.CHUNKING, 32, 100, 100, 0, 1234.5, Duration.ofSeconds(1), null)); // too soon
        at(150, bar, new IndexProgress(Phase.CHUNKING, 48, 100, 100, 0, 1234.5, Duration.ofSeconds(1), null));
        at(160, bar, new IndexProgress(Phase.CHUNKING, 100, 100, 100, 0, 1234.5, null, null)); // complete: shown
        String drawn = sink.toString();
        bar.finish();

        assertThat(drawn).doesNotContain("\n").doesNotContain("32/100");
        assertThat(drawn.split("\r", -1)).hasSize(4);
        assertThat(drawn).contains("\rChunking      [####....................] 16/100 files  1234.5 files/s  ETA 00:01",
                "48/100", "100/100 files  1234.5 files/s     ");
        String cleared = sink.toString().substring(drawn.length());
        assertThat(cleared).matches("\r +\r");
    }

    private void at(long millis, ProgressBar bar, IndexProgress p) {
        nanos = Duration.ofMillis(millis).toNanos();
        bar.onProgress(p);
    }

    private static IndexProgress embedding(long done) {
        return new IndexProgress(Phase.EMBEDDING, done, 48, 6, 48, 20, Duration.ofSeconds(2), null);
    }
}
