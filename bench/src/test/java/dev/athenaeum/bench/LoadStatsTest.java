package dev.athenaeum.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LoadStatsTest {

    private static final long MS = 1_000_000;

    @Test
    void clientsAreMergedAndThroughputCountsSuccessesUntilTheLastAnswer() {
        long start = 1_000 * MS;
        LoadStats.Recorder a = new LoadStats.Recorder();
        LoadStats.Recorder b = new LoadStats.Recorder();
        for (int i = 0; i < 300; i++) {
            a.ok(start + i * 10 * MS, start + i * 10 * MS + 10 * MS); // 10 ms each, back to back: ends at 3 s
        }
        b.ok(start, start + 40 * MS);
        b.error("HTTP 503", start + 50 * MS);
        b.error("SocketTimeoutException", start + 4_000 * MS); // the last request ends at 4 s
        b.error("HTTP 503", start + 100 * MS);
        LoadStats s = LoadStats.of(List.of(a, b), start);
        assertThat(s.ok()).isEqualTo(301);
        assertThat(s.errorCount()).isEqualTo(3);
        assertThat(s.requests()).isEqualTo(304);
        assertThat(s.seconds()).isCloseTo(4.0, within(1e-9));
        assertThat(s.throughput()).isCloseTo(301 / 4.0, within(1e-9));
        assertThat(s.describeErrors()).isEqualTo("HTTP 503 ×2, SocketTimeoutException ×1");
        assertThat(s.percentileMillis(50)).isEqualTo(10.0);
        assertThat(s.percentileMillis(100)).isEqualTo(40.0);
        assertThat(s.maxMillis()).isEqualTo(40.0);
        assertThat(s.meanMillis()).isCloseTo((300 * 10 + 40) / 301.0, within(1e-9));
    }

    @Test
    void percentilesAreOverSuccessfulRequestsOnly() {
        LoadStats.Recorder r = new LoadStats.Recorder();
        for (int i = 1; i <= 100; i++) {
            r.ok(0, i * MS);
        }
        r.error("IOException", 10_000 * MS);
        LoadStats s = LoadStats.of(List.of(r), 0);
        assertThat(s.percentileMillis(99)).isEqualTo(99.0);
        assertThat(s.percentileMillis(50)).isEqualTo(50.0);
        assertThat(s.latencies()).hasSize(100);
    }

    @Test
    void recordersGrowPastTheirFirstArray() {
        LoadStats.Recorder r = new LoadStats.Recorder();
        for (int i = 0; i < 10_000; i++) {
            r.ok(0, MS);
        }
        assertThat(LoadStats.of(List.of(r), 0).ok()).isEqualTo(10_000);
    }

    @Test
    void anEmptyRunHasNoThroughputAndNoLatencies() {
        LoadStats s = LoadStats.of(List.of(new LoadStats.Recorder()), 5);
        assertThat(s.throughput()).isZero();
        assertThat(s.percentileMillis(50)).isNaN();
        assertThat(s.describeErrors()).isEqualTo("none");
    }
}
