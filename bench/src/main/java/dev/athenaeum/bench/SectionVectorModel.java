package dev.athenaeum.bench;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An embedding "model" for synthetic benchmark indexes ({@link ServerCorpus}): every section of such a corpus has a
 * heading ending in {@code §N}, and the model gives each window of chunk N the prepared vector N plus a little noise
 * drawn from the window's text (so the windows of one chunk differ, as real ones do). Index windows start with their
 * context line (title and headings), which is where the number is read. A text without a number gets the vector of a
 * chunk picked by its hash, and is counted.
 */
final class SectionVectorModel implements EmbeddingModel {

    static final char MARK = '§';
    private static final Pattern ID = Pattern.compile(MARK + "(\\d+)");

    private final float[][] chunkVectors;
    private final double noise;
    private final long seed;
    private final AtomicLong windows = new AtomicLong();
    private final AtomicLong unmatched = new AtomicLong();

    SectionVectorModel(float[][] chunkVectors, double noise, long seed) {
        this.chunkVectors = chunkVectors;
        this.noise = noise;
        this.seed = seed;
    }

    /** The number after the last {@code §} on the first line of {@code text}, or -1. */
    static int sectionId(String text) {
        int nl = text.indexOf('\n');
        Matcher m = ID.matcher(nl < 0 ? text : text.substring(0, nl));
        int id = -1;
        while (m.find()) {
            try {
                id = Integer.parseInt(m.group(1));
            } catch (NumberFormatException tooLong) {
                id = -1;
            }
        }
        return id;
    }

    float[] vector(String text) {
        windows.incrementAndGet();
        long h = seed * 1_000_003L + text.hashCode();
        int id = sectionId(text);
        if (id < 0 || id >= chunkVectors.length) {
            unmatched.incrementAndGet();
            id = (int) Math.floorMod(h, (long) chunkVectors.length);
        }
        return DerivedVectors.jitter(chunkVectors[id], noise, h);
    }

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        List<Embedding> out = new ArrayList<>(segments.size());
        for (TextSegment s : segments) {
            out.add(Embedding.from(vector(s.text())));
        }
        return Response.from(out);
    }

    @Override
    public int dimension() {
        return chunkVectors[0].length;
    }

    @Override
    public String modelName() {
        return "section vectors";
    }

    long windows() {
        return windows.get();
    }

    long unmatched() {
        return unmatched.get();
    }
}
