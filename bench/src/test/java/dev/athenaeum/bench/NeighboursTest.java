package dev.athenaeum.bench;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class NeighboursTest {

    @Test
    void exactTopKIsBestFirstWithTiesToTheLowerId() {
        float[][] data = {{1, 0}, {0, 1}, {0.6f, 0.8f}, {0.6f, 0.8f}, {-1, 0}};
        assertThat(Neighbours.exactTopK(data, 5, new float[] {0.6f, 0.8f}, 3)).containsExactly(2, 3, 1);
        assertThat(Neighbours.exactTopK(data, 2, new float[] {0.6f, 0.8f}, 3)).containsExactly(1, 0);
    }

    @Test
    void exactTopKMatchesSortingEveryScore() {
        Random rnd = new Random(1);
        float[][] data = new float[500][16];
        for (float[] v : data) {
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) rnd.nextGaussian();
            }
            Neighbours.normalise(v);
        }
        float[] q = data[7].clone();
        int[] top = Neighbours.exactTopK(data, data.length, q, 10);
        Integer[] all = new Integer[data.length];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        java.util.Arrays.sort(all, (a, b) -> Float.compare(Neighbours.dot(data[b], q), Neighbours.dot(data[a], q)));
        for (int i = 0; i < 10; i++) {
            assertThat(top[i]).isEqualTo(all[i]);
        }
        assertThat(top[0]).isEqualTo(7);
    }

    @Test
    void recallCountsTheTrueNeighboursFound() {
        assertThat(Neighbours.recall(new int[] {1, 2, 3, 4}, new int[] {4, 3, 2, 1}, 4)).isEqualTo(1.0);
        assertThat(Neighbours.recall(new int[] {1, 9, 3, 8}, new int[] {1, 2, 3, 4}, 4)).isEqualTo(0.5);
        assertThat(Neighbours.recall(new int[] {1, 2}, new int[] {1, 2, 3, 4}, 4)).isEqualTo(0.5);
        assertThat(Neighbours.recall(new int[] {5, 1}, new int[] {1, 2, 3}, 2)).isEqualTo(0.5);
    }

    @Test
    void normaliseGivesUnitLength() {
        float[] v = Neighbours.normalise(new float[] {3, 4});
        assertThat(v[0]).isCloseTo(0.6f, within(1e-6f));
        assertThat(Neighbours.dot(v, v)).isCloseTo(1f, within(1e-6f));
    }

    @Test
    void derivedVectorsAreUnitLengthAndKeepTheRealOnesFirst() {
        float[][] real = {Neighbours.normalise(new float[] {1, 2, 3}), Neighbours.normalise(new float[] {3, 1, 0}),
                Neighbours.normalise(new float[] {0, 1, 1})};
        float[][] all = SearchLatency.withDerived(real, 50, 0.1, 42);
        assertThat(all.length).isEqualTo(50);
        assertThat(all[1]).isSameAs(real[1]);
        for (float[] v : all) {
            assertThat(Neighbours.dot(v, v)).isCloseTo(1f, within(1e-5f));
        }
        assertThat(SearchLatency.withDerived(real, 50, 0.1, 42)[40]).containsExactly(all[40]);
    }

    @Test
    void sizesReadWithSuffixes() {
        assertThat(SearchLatency.count("10k")).isEqualTo(10_000);
        assertThat(SearchLatency.count("100_000")).isEqualTo(100_000);
        assertThat(SearchLatency.count(100_000)).isEqualTo("100k");
        assertThat(SearchLatency.count(12_345)).isEqualTo("12345");
    }
}
