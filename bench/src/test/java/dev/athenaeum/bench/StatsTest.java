package dev.athenaeum.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatsTest {

    @Test
    void percentilesUseTheNearestRank() {
        long[] v = {15, 20, 35, 40, 50};
        assertThat(Stats.percentile(v, 5)).isEqualTo(15);
        assertThat(Stats.percentile(v, 30)).isEqualTo(20);
        assertThat(Stats.percentile(v, 40)).isEqualTo(20);
        assertThat(Stats.percentile(v, 50)).isEqualTo(35);
        assertThat(Stats.percentile(v, 100)).isEqualTo(50);
    }

    @Test
    void p99OfAHundredValuesIsTheSecondLargest() {
        long[] v = new long[100];
        for (int i = 0; i < 100; i++) {
            v[99 - i] = i + 1; // unsorted on purpose
        }
        assertThat(Stats.percentile(v, 99)).isEqualTo(99);
        assertThat(Stats.percentile(v, 50)).isEqualTo(50);
        assertThat(v[0]).as("input left alone").isEqualTo(100);
    }

    @Test
    void oneValueIsEveryPercentile() {
        assertThat(Stats.percentile(new long[] {7}, 1)).isEqualTo(7);
        assertThat(Stats.percentile(new long[] {7}, 99.9)).isEqualTo(7);
    }

    @Test
    void rejectsNoValuesAndBadPercentiles() {
        assertThatThrownBy(() -> Stats.percentile(new long[0], 50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Stats.percentile(new long[] {1}, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Stats.percentile(new long[] {1}, 101)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void meanAndMedian() {
        assertThat(Stats.mean(new long[] {1, 2, 6})).isEqualTo(3.0);
        assertThat(Stats.median(new double[] {5, 1, 3})).isEqualTo(3.0);
        assertThat(Stats.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
    }
}
