package dev.athenaeum.bench;

import java.util.Locale;
import java.util.Random;

/**
 * Vectors beyond the real ones: vector {@code i ≥ real.length} is {@code normalise(w·a + (1−w)·b + e)} for a random
 * pair {@code a ≠ b} of real vectors, {@code w} uniform in [0.25, 0.75] and {@code e} Gaussian with
 * {@code σ = noise/√dim} per dimension, all drawn from one seeded generator. The mixes are kept, so text can be made
 * to match each derived vector (the same mix of the two passages' words).
 *
 * @param vectors the real vectors followed by the derived ones
 * @param mixes   for each derived vector (index {@code i − real.length}), the pair and weight it was made of
 */
record DerivedVectors(float[][] vectors, Mix[] mixes) {

    /** Derived vector = normalise(w·real[a] + (1−w)·real[b] + noise). */
    record Mix(int a, int b, double w) {
    }

    /** The real vectors followed by derived ones up to {@code n} in all. */
    static DerivedVectors derive(float[][] real, int n, double noise, long seed) {
        if (n <= real.length) {
            return new DerivedVectors(real, new Mix[0]);
        }
        if (real.length < 2) {
            throw new IllegalArgumentException("need at least two real vectors to derive more");
        }
        int dim = real[0].length;
        float[][] out = new float[n][];
        Mix[] mixes = new Mix[n - real.length];
        System.arraycopy(real, 0, out, 0, real.length);
        Random rnd = new Random(seed);
        double sigma = noise / Math.sqrt(dim);
        for (int i = real.length; i < n; i++) {
            int a = rnd.nextInt(real.length);
            int b = rnd.nextInt(real.length - 1);
            if (b >= a) {
                b++;
            }
            double w = 0.25 + 0.5 * rnd.nextDouble();
            float[] v = new float[dim];
            for (int d = 0; d < dim; d++) {
                v[d] = (float) (w * real[a][d] + (1 - w) * real[b][d] + sigma * rnd.nextGaussian());
            }
            out[i] = Neighbours.normalise(v);
            mixes[i - real.length] = new Mix(a, b, w);
        }
        return new DerivedVectors(out, mixes);
    }

    /** One line for a benchmark's output: how vectors {@code real..n−1} were made. */
    static String describe(int real, int n, int dim, double noise, long seed) {
        return String.format(Locale.ROOT, "vectors %d..%d are normalise(w·a + (1−w)·b + e) for random pairs a ≠ b "
                + "of real vectors, w uniform in [0.25, 0.75], e Gaussian with σ = %.3f/√%d per dimension (noise of "
                + "length ≈ %.2f), seed %d; a size of N uses vectors 0..N−1 (all real ones first)", real, n - 1, noise,
                dim, noise, seed);
    }

    /** {@code v} plus Gaussian noise of about length {@code noise} drawn from {@code seed}, scaled to unit length. */
    static float[] jitter(float[] v, double noise, long seed) {
        Random rnd = new Random(seed);
        double sigma = noise / Math.sqrt(v.length);
        float[] out = new float[v.length];
        for (int d = 0; d < v.length; d++) {
            out[d] = (float) (v[d] + sigma * rnd.nextGaussian());
        }
        return Neighbours.normalise(out);
    }
}
